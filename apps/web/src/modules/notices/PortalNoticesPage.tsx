import { Card, Stack, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { NoticeForm } from './NoticeForm.tsx';
import { NoticesList } from './NoticesList.tsx';
import type { ProviderNotice } from './notices.api.ts';

/** Provider portal: tell the schools about a change of DSL, deputy DSL or senior leadership. */
export function PortalNoticesPage() {
  const queryClient = useQueryClient();
  const notices = useQuery({
    queryKey: ['portal', 'notices'],
    queryFn: () => api<{ notices: ProviderNotice[] }>('GET', '/api/portal/notices'),
  });
  return (
    <>
      <PageHeader
        title="Tell the school about a change"
        description="When your designated safeguarding lead, deputy or senior leadership changes, tell the schools within one working day. They will ask you for a new safeguarding assurance letter."
      />
      <Stack>
        <Card withBorder padding="lg">
          <NoticeForm
            path="/api/portal/notices"
            submitLabel="Tell the school"
            onSaved={() => queryClient.invalidateQueries({ queryKey: ['portal', 'notices'] })}
          />
        </Card>
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">
            Changes you have told us about
          </Title>
          <ErrorAlert error={notices.error} title="Your changes could not be loaded" />
          {notices.isPending ? (
            <Loading label="Loading" />
          ) : (
            <NoticesList notices={notices.data?.notices ?? []} />
          )}
        </Card>
      </Stack>
    </>
  );
}
