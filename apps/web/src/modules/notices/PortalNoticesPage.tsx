import { Card, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { providerNoticeKinds } from '@waymark/domain';
import { useSearchParams } from 'react-router';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { NoticeForm } from './NoticeForm.tsx';
import { NoticesList } from './NoticesList.tsx';
import { useNotices } from './notices.api.ts';

/** Provider portal: tell the schools about the changes the Appendix 2 undertakings name. */
export function PortalNoticesPage() {
  const queryClient = useQueryClient();
  const notices = useNotices('portal');
  // The home page's link to a notice owed names its kind (?kind=filtering_assurance).
  const [search] = useSearchParams();
  const initialKind = providerNoticeKinds.find((k) => k === search.get('kind')) ?? null;
  return (
    <>
      <PageHeader
        title="Tell the school about a change"
        description="As you undertook in the safeguarding assurance letter: a new DSL, deputy or senior leader the same day (a new letter will be due); a new member of staff before they start with the school’s pupils; a safeguarding policy or filtering change within one working day; and each term, your written filtering and monitoring assurance."
      />
      <Stack>
        <Card withBorder padding="lg">
          <NoticeForm
            to="portal"
            initialKind={initialKind}
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
