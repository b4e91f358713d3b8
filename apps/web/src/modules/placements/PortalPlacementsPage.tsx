import { Anchor, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import {
  dateInWords,
  maybeDateInWords,
  type TimetableSession,
  weekdayLabels,
  yearGroupLabel,
} from '@waymark/domain';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useScrollToHash } from '../../ui/scroll-to-hash.ts';
import { Tag } from '../../ui/Tag.tsx';
import { ProgressReportForm } from '../progress-reports/ProgressReportForm.tsx';
import {
  type ProgressReportDue,
  usePortalProgressReportsDue,
} from '../progress-reports/progress-reports.api.ts';
import { type PortalPlacement, usePortalPlacement, usePortalPlacements } from './placements.api.ts';

const timetable = (sessions: TimetableSession[]) =>
  sessions
    .map((s) => `${weekdayLabels[s.day]} ${s.session === 'am' ? 'morning' : 'afternoon'} (${s.hours}h)`)
    .join(', ');

/** Provider portal: the pupils placed with you, and what each school has shared about them. */
export function PortalPlacementsPage() {
  const placements = usePortalPlacements();
  const reportsDue = usePortalProgressReportsDue();
  useScrollToHash(Boolean(placements.data));
  return (
    <>
      <PageHeader
        title="Pupils placed with you"
        description="What each school has shared with you is listed under the pupil."
      />
      <ErrorAlert error={placements.error} title="Placements could not be loaded" />
      {placements.isPending ? (
        <Loading label="Loading" />
      ) : placements.data?.placements.length === 0 ? (
        <Text>No pupils are placed with you at the moment.</Text>
      ) : (
        <Stack>
          {placements.data?.placements.map((p) => (
            <PlacementCard
              key={p.id}
              placement={p}
              reportDue={reportsDue.data?.due.find((d) => d.placementId === p.id)}
            />
          ))}
        </Stack>
      )}
    </>
  );
}

function PlacementCard({
  placement: p,
  reportDue,
}: {
  placement: PortalPlacement;
  reportDue: ProgressReportDue | undefined;
}) {
  const detail = usePortalPlacement(p.id);
  return (
    // The home page links here by id; the margin keeps the pupil's name clear of the top bar.
    <Card withBorder padding="lg" id={`placement-${p.id}`} tabIndex={-1} style={{ scrollMarginTop: 72 }}>
      <Title order={2} size="h4">
        {p.pupilName}, {yearGroupLabel(p.yearGroup)}, {p.schoolName}
      </Title>
      <Text mb="xs">
        {p.status === 'referral' ? 'Being arranged. ' : ''}
        {maybeDateInWords(p.startsOn, 'Start to be agreed')} to{' '}
        {maybeDateInWords(p.plannedEndOn, 'end to be agreed')}; {p.hoursPerWeek} hours a week
        {p.sessions.length ? `: ${timetable(p.sessions)}` : ''}
      </Text>
      <Title order={3} size="h5">
        Shared with you
      </Title>
      {detail.data?.shared.length ? (
        <List>
          {detail.data.shared.map((s) => (
            <List.Item key={s.id}>
              {dateInWords(s.sharedOn)}: {s.what}
              {s.document && (
                <>
                  {' '}
                  <Anchor href={`/api/portal/placements/${p.id}/shared/${s.id}/file`}>
                    Download “{s.document.title}”
                  </Anchor>
                </>
              )}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm">Nothing yet.</Text>
      )}
      {reportDue && (
        <Group mt="sm">
          <Tag tone="warning">
            Progress report for {reportDue.halfTerm} due by {dateInWords(reportDue.dueBy, { weekday: true })}
          </Tag>
        </Group>
      )}
      {p.status === 'active' && <ProgressReportForm placementId={p.id} pupilName={p.pupilName} />}
    </Card>
  );
}
