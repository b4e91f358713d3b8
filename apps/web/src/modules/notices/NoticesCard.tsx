import { Card, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { NoticeForm } from './NoticeForm.tsx';
import { NoticesList } from './NoticesList.tsx';
import { useNotices } from './notices.api.ts';

/** On the provider page: changes of DSL, deputy or senior leadership, each making a new letter due. */
export function NoticesCard({ providerId, canRecord }: { providerId: string; canRecord: boolean }) {
  const queryClient = useQueryClient();
  const notices = useNotices({ providerId });
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Changes of safeguarding lead or leadership
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        The provider undertakes to tell you of these (Appendix 2). Each one makes a new safeguarding assurance
        letter due.
      </Text>
      <ErrorAlert error={notices.error} title="Changes could not be loaded" />
      {notices.data && <NoticesList notices={notices.data.notices} />}
      {canRecord && (
        <>
          <Title order={3} size="h5" mb="xs">
            Record a change you were told about
          </Title>
          <NoticeForm
            to={{ providerId }}
            submitLabel="Record change"
            onSaved={() => queryClient.invalidateQueries({ queryKey: ['providers', providerId] })}
          />
        </>
      )}
    </Card>
  );
}
