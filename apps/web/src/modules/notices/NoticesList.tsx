import { List, Text } from '@mantine/core';
import { dateInWords, momentInWords, providerNoticeLabels } from '@waymark/domain';
import { Tag } from '../../ui/Tag.tsx';
import { deadlineLabels, type ProviderNotice } from './notices.api.ts';

export function NoticesList({
  notices,
  showProvider = false,
}: {
  notices: ProviderNotice[];
  showProvider?: boolean;
}) {
  if (notices.length === 0) return <Text mb="sm">No changes have been recorded.</Text>;
  return (
    <List spacing="sm" mb="md">
      {notices.map((n) => (
        <List.Item key={n.id}>
          <Text fw={600}>
            {providerNoticeLabels[n.kind]} from {dateInWords(n.effectiveOn)}
            {showProvider ? ` at ${n.providerName}` : ''}
          </Text>
          {n.late && <Tag tone="warning">Late: due {deadlineLabels[n.deadline]}</Tag>}
          <Text>{n.details}</Text>
          {n.checksAssured && <Text size="sm">Every check confirmed complete in writing.</Text>}
          <Text size="sm" c="dimmed">
            {n.source === 'portal' ? 'Told by' : 'Recorded by'} {n.reportedByName},{' '}
            {momentInWords(n.reportedAt)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
