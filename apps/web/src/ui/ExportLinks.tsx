import { Anchor, Group, Text, VisuallyHidden } from '@mantine/core';

/** Download links for a list as CSV and XLSX; the file holds what this person can see. */
export function ExportLinks({ list, query = '', label }: { list: string; query?: string; label: string }) {
  return (
    <Group gap="xs">
      <Text size="sm">Download {label}:</Text>
      <Anchor size="sm" href={`/api/exports/${list}.csv${query}`}>
        CSV<VisuallyHidden> of {label}</VisuallyHidden>
      </Anchor>
      <Anchor size="sm" href={`/api/exports/${list}.xlsx${query}`}>
        XLSX<VisuallyHidden> of {label}</VisuallyHidden>
      </Anchor>
    </Group>
  );
}
