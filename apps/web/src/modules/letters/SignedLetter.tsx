import { Box, Stack, Text } from '@mantine/core';
import { dateInWords } from '@waymark/domain';
import type { SafeguardingLetter } from './letters.api.ts';

/** A signed letter as the provider signed it, with the hash that shows it has not changed since. */
export function SignedLetter({ letter }: { letter: SafeguardingLetter }) {
  const c = letter.content;
  if (!c) return null;
  return (
    <Stack gap="xs">
      <Text size="sm">
        To: {c.to} · From: {c.from} · Date: {dateInWords(c.signedOn)}
      </Text>
      <Text>Dear {c.dear},</Text>
      <Text>{c.opening}</Text>
      <Text>For each member of staff, we confirm the completion and verification of:</Text>
      {/* Plain lists: the letter's long lines wrap within a phone's width. */}
      <Box component="ol" fz="sm" m={0} pl="lg">
        {c.checks.map((check) => (
          <li key={check}>{check}</li>
        ))}
      </Box>
      <Text>We also confirm:</Text>
      <Box component="ul" fz="sm" m={0} pl="lg">
        {c.undertakings.map((u) => (
          <li key={u}>{u}</li>
        ))}
      </Box>
      <Text>
        Yours sincerely, {c.signature} — {c.name}, {c.role}, {c.organisation}
      </Text>
      <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
        SHA-256 {letter.contentSha256}
      </Text>
    </Stack>
  );
}
