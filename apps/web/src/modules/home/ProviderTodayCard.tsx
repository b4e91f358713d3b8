import { Anchor, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import {
  dateInWords,
  maybeDateInWords,
  registerSessionLabels,
  timeInLondon,
  todayInLondon,
} from '@waymark/domain';
import { Link } from 'react-router';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { usePortalRegister, useRegisterDays } from '../attendance/attendance.api.ts';
import { usePortalLetters } from '../letters/letters.api.ts';
import { usePortalNoticesDue } from '../notices/notices.api.ts';
import { usePortalPlacements } from '../placements/placements.api.ts';
import { usePortalProgressReportsDue } from '../progress-reports/progress-reports.api.ts';

/**
 * A provider's home: what to do today — each register with its cut-off time and how far it is
 * marked, the pupils the schools are arranging to send, letters waiting to be signed and the
 * progress reports owed this half-term.
 */
export function ProviderTodayCard() {
  const today = todayInLondon();
  return (
    <Stack mb="lg">
      <RegistersToday today={today} />
      <ReferralsAndLetters />
    </Stack>
  );
}

function RegistersToday({ today }: { today: string }) {
  const register = usePortalRegister(today);
  const days = useRegisterDays(today);
  const now = timeInLondon(new Date());
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="registers-today">
      <Title order={2} size="h4" mb="sm" id="registers-today">
        Registers today, {dateInWords(today, { weekday: true })}
      </Title>
      <ErrorAlert error={register.error} title="Today's registers could not be loaded" />
      {register.isPending ? (
        <Loading label="Loading today's registers" />
      ) : register.data?.pupils.length === 0 ? (
        <Text>
          {days.data?.whyNoPupils ?? 'No pupils are expected with you today.'}
          {days.data?.nextExpected &&
            ` Pupils are next expected on ${dateInWords(days.data.nextExpected, { weekday: true })}.`}
        </Text>
      ) : (
        register.data && (
          <Stack gap="xs">
            {(['am', 'pm'] as const).map((session) => {
              const expected = register.data.pupils.flatMap((p) =>
                p.sessions.filter((s) => s.session === session),
              );
              if (!expected.length) return null;
              const marked = expected.filter((s) => s.mark).length;
              const dueBy = expected[0]!.dueBy;
              const state =
                marked === expected.length ? (
                  <Tag tone="positive">Sent</Tag>
                ) : now > dueBy ? (
                  <Tag tone="danger">Late: was due by {dueBy}</Tag>
                ) : (
                  <Tag tone="warning">Due by {dueBy}</Tag>
                );
              return (
                <Group key={session} gap="sm" wrap="wrap">
                  <Text fw={600}>{registerSessionLabels[session]}</Text>
                  <Text>
                    {marked} of {expected.length} pupil{expected.length === 1 ? '' : 's'} marked
                  </Text>
                  {state}
                </Group>
              );
            })}
            <Anchor component={Link} to="/portal/register">
              Open today's register
            </Anchor>
          </Stack>
        )
      )}
    </Card>
  );
}

function ReferralsAndLetters() {
  const placements = usePortalPlacements();
  const letters = usePortalLetters();
  const reports = usePortalProgressReportsDue();
  const notices = usePortalNoticesDue();
  const referrals = placements.data?.placements.filter((p) => p.status === 'referral') ?? [];
  const toSign = letters.data?.letters.filter((l) => l.status === 'requested') ?? [];
  const reportsDue = reports.data?.due ?? [];
  const noticesDue = notices.data?.due ?? [];
  const queries = [placements, letters, reports, notices];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="waiting-for-you">
      <Title order={2} size="h4" mb="sm" id="waiting-for-you">
        Waiting for you
      </Title>
      <ErrorAlert error={queries.find((q) => q.error)?.error ?? null} />
      {queries.some((q) => q.isPending) ? (
        <Loading label="Loading what is waiting for you" />
      ) : referrals.length + toSign.length + reportsDue.length + noticesDue.length === 0 ? (
        <Text>
          Nothing is waiting: no referrals being arranged, no letters to sign, no assurance owed and no
          progress reports due.
        </Text>
      ) : (
        <List spacing="xs">
          {referrals.map((p) => (
            <List.Item key={p.id}>
              Referral: {p.pupilName}, {p.schoolName}, to start{' '}
              {maybeDateInWords(p.startsOn, 'on a day to be agreed')}.{' '}
              <Anchor component={Link} to="/portal/placements">
                See what the school shared
              </Anchor>
            </List.Item>
          ))}
          {noticesDue.map((n) => (
            <List.Item key={`${n.providerId}-${n.kind}`}>
              {n.item} from {n.providerName}: due since {dateInWords(n.dueSince)}.{' '}
              <Anchor component={Link} to={`/portal/changes?kind=${n.kind}`}>
                Send it
              </Anchor>
            </List.Item>
          ))}
          {reportsDue.map((r) => (
            <List.Item key={r.placementId}>
              Progress report on {r.pupilName}, {r.schoolName}, for {r.halfTerm}: due by{' '}
              {dateInWords(r.dueBy, { weekday: true })}.{' '}
              <Anchor component={Link} to={`/portal/placements#placement-${r.placementId}`}>
                Write it
              </Anchor>
            </List.Item>
          ))}
          {toSign.map((l) => (
            <List.Item key={l.id}>
              Safeguarding assurance letter for {l.schoolName} to sign.{' '}
              <Anchor component={Link} to="/portal/letters">
                Sign it
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
