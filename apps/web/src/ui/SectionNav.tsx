import { Anchor, Box, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Section {
  id: string;
  label: string;
  /** At a glance: whether something here needs doing. Left out where the section has no state. */
  needsDoing?: boolean;
}

/**
 * The sections of a long page as links a person can jump between, each marked when it needs doing,
 * those first. On a phone a provider's or placement's page runs to thousands of pixels; this is
 * its table of contents.
 */
export function SectionNav({ label, sections }: { label: string; sections: readonly Section[] }) {
  const ordered = [...sections.filter((s) => s.needsDoing), ...sections.filter((s) => !s.needsDoing)];
  return (
    <Box component="nav" aria-label={label} mb="lg">
      <Text size="sm" fw={600} mb={4}>
        On this page
      </Text>
      <Group gap="xs" wrap="wrap">
        {ordered.map((s) => (
          <Anchor key={s.id} href={`#${s.id}`} size="sm">
            {s.label}
            {s.needsDoing && (
              <>
                {' '}
                <NeedsDoing />
              </>
            )}
          </Anchor>
        ))}
      </Group>
    </Box>
  );
}

function NeedsDoing() {
  return (
    <Text component="span" size="xs" fw={700} c="#a4460a">
      (needs doing)
    </Text>
  );
}

/** A section a `SectionNav` links to; the margin keeps its heading clear of the top bar. */
export function PageSection({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Box id={id} style={{ scrollMarginTop: 72 }}>
      {children}
    </Box>
  );
}
