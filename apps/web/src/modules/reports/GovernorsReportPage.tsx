import {
  Anchor,
  Box,
  Card,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  academicYearOf,
  dateInWords,
  pounds,
  type ReportFigure,
  SUPPRESSED_FIGURE_TEXT,
  todayInLondon,
} from '@waymark/domain';
import { useState } from 'react';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useCurrentSession } from '../auth/session.ts';
import { useOrganisation } from '../organisation/organisation.api.ts';
import { BudgetsCard } from './BudgetsCard.tsx';
import { type Count, useGovernorsReport } from './reports.api.ts';

/** A percentage, average or amount, or why it is not shown. */
const shown = (value: Exclude<ReportFigure, null>, format: (n: number) => string) =>
  value === 'fewer than 5' ? SUPPRESSED_FIGURE_TEXT : format(value);
/** A bar per item with its figure written beside it, so the chart reads without colour. */
function Bars({
  label,
  items,
  max,
}: {
  label: string;
  items: { label: string; value: number; text: string }[];
  max: number;
}) {
  return (
    <Box role="img" aria-label={`${label}: ${items.map((i) => `${i.label} ${i.text}`).join(', ')}`} mb="sm">
      {items.map((i) => (
        // The label has a line of its own, so a long one ("Education during a suspension…") is read whole.
        <Box key={i.label} aria-hidden="true" mb={6}>
          <Text size="sm">{i.label}</Text>
          <Group gap="xs" wrap="nowrap">
            <Box h={12} w={`${Math.max(2, (i.value / (max || 1)) * 80)}%`} bg="#1c3f94" />
            <Text size="sm">{i.text}</Text>
          </Group>
        </Box>
      ))}
    </Box>
  );
}

const asBars = (items: { label: string; count: Count }[]) =>
  items.map((i) => ({
    label: i.label,
    value: typeof i.count === 'number' ? i.count : 2,
    text: String(i.count),
  }));

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** The termly governors' report: choose the school, region or group and the term; read it or download the PDF. */
const termOfMonth = (month: number) => (month >= 8 ? 'autumn' : month <= 3 ? 'spring' : 'summer');

/**
 * The report opens on the widest part of the trust the reader looks after: the whole group for a trust
 * governor or administrator, their region for a regional director, their school otherwise.
 */
function widestScope(
  assignments: { scopeType: string; scopeId: string }[],
  options: { value: string }[],
): string | undefined {
  const offered = new Set(options.map((o) => o.value));
  for (const kind of ['group', 'region', 'school'])
    for (const a of assignments)
      if (a.scopeType === kind && offered.has(`${kind}:${a.scopeId}`)) return `${kind}:${a.scopeId}`;
  return undefined;
}

export function GovernorsReportPage() {
  const organisation = useOrganisation();
  const session = useCurrentSession();
  const [choice, setChoice] = useState<string | null>(null);
  // The term running today (as the school year counts it: autumn from August, spring from January,
  // summer from April), for the reader to change.
  const today = todayInLondon();
  const [academicYear, setAcademicYear] = useState(academicYearOf(today));
  const [term, setTerm] = useState<string>(termOfMonth(Number(today.slice(5, 7))));
  const options = [
    ...(organisation.data?.schools ?? []).map((s) => ({ value: `school:${s.id}`, label: s.name })),
    ...(organisation.data?.regions ?? []).map((r) => ({
      value: `region:${r.id}`,
      label: `Region: ${r.name}`,
    })),
    ...(organisation.data
      ? [
          {
            value: `group:${organisation.data.group.id}`,
            label: `The whole group: ${organisation.data.group.name}`,
          },
        ]
      : []),
  ];
  const selected = choice ?? widestScope(session.assignments, options) ?? options[0]?.value ?? null;
  const [scope, id] = (selected ?? ':').split(':');
  const query = `scope=${scope}&id=${id}&academicYear=${encodeURIComponent(academicYear)}&term=${term}`;
  const report = useGovernorsReport(query, Boolean(selected) && /^\d{4}\/\d{2}$/.test(academicYear));
  const r = report.data;
  return (
    <>
      <PageHeader
        title="Governors' report"
        description="AP use, provider quality, attendance, safeguarding, progress, destinations, voice, training and costs for a term. Beyond one school, numbers under five are suppressed."
      />
      <Stack>
        <Group align="flex-end" wrap="wrap">
          <Select label="For" data={options} value={selected} onChange={setChoice} w={320} />
          <TextInput
            label="Academic year"
            value={academicYear}
            onChange={(e) => setAcademicYear(e.currentTarget.value)}
          />
          <Select
            label="Term"
            data={[
              { value: 'autumn', label: 'Autumn' },
              { value: 'spring', label: 'Spring' },
              { value: 'summer', label: 'Summer' },
            ]}
            value={term}
            onChange={(v) => v && setTerm(v)}
          />
        </Group>
        <ErrorAlert error={report.error ?? organisation.error} title="The report could not be made" />
        {report.isPending && report.fetchStatus !== 'idle' && <Loading label="Making the report" />}
        {r && (
          <>
            <Group justify="space-between" wrap="wrap">
              <Text>
                {r.scope.name}, {dateInWords(r.term.from)} to {dateInWords(r.term.to)}.
              </Text>
              <Anchor href={`/api/reports/governors.pdf?${query}`}>Download the PDF for governors</Anchor>
            </Group>
            {r.empty && <Text>No pupils were placed in alternative provision this term.</Text>}
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Section title="Use of alternative provision">
                <Text>
                  {r.usage.pupils} pupils, {r.usage.placements} placements, {r.usage.hoursPerWeek} hours a
                  week.
                </Text>
                <Bars
                  label="Placements by type"
                  items={asBars(r.usage.byType)}
                  max={Math.max(1, ...asBars(r.usage.byType).map((b) => b.value))}
                />
              </Section>
              <Section title="Attendance">
                <Text>
                  {r.attendance.attendancePercent === null
                    ? 'No sessions recorded.'
                    : `Attendance: ${shown(r.attendance.attendancePercent, (n) => `${n}%`)}.`}{' '}
                  Persistent absence {r.attendance.persistentAbsence}; severe {r.attendance.severeAbsence},
                  first-day calls {r.attendance.firstDayCalls} ({r.attendance.callsClosedOnTheDay} closed on
                  the day).
                </Text>
                <Bars
                  label="Attendance by school"
                  items={r.attendance.bySchool.flatMap((s) =>
                    typeof s.attendancePercent === 'number'
                      ? [{ label: s.school, value: s.attendancePercent, text: `${s.attendancePercent}%` }]
                      : [],
                  )}
                  max={100}
                />
                {r.attendance.bySchool.some((s) => s.attendancePercent === 'fewer than 5') && (
                  <Text size="sm">
                    Not shown by school (fewer than 5 pupils):{' '}
                    {r.attendance.bySchool
                      .filter((s) => s.attendancePercent === 'fewer than 5')
                      .map((s) => s.school)
                      .join(', ')}
                  </Text>
                )}
              </Section>
              <Section title="Providers">
                <List size="sm">
                  {r.providerQuality.providers.map((p) => (
                    <List.Item key={p.name}>
                      {p.name}: {p.status}
                    </List.Item>
                  ))}
                </List>
                <Text size="sm">QA visits completed: {r.providerQuality.qaVisits}</Text>
              </Section>
              <Section title="Safeguarding (counts only)">
                {r.safeguarding.byKind.length === 0 ? (
                  <Text>None reported.</Text>
                ) : (
                  <List size="sm">
                    {r.safeguarding.byKind.map((k) => (
                      <List.Item key={k.label}>
                        {k.label}: {k.count}
                      </List.Item>
                    ))}
                  </List>
                )}
                {r.safeguarding.toldSameDayPercent !== null && (
                  <Text size="sm">
                    School told the same day: {shown(r.safeguarding.toldSameDayPercent, (n) => `${n}%`)}
                  </Text>
                )}
              </Section>
              <Section title="Progress, transitions and destinations">
                <List size="sm">
                  <List.Item>Half-termly reviews held: {r.progress.reviewsHeld}</List.Item>
                  <List.Item>
                    Plan objectives with progress recorded: {r.progress.objectivesReviewed} of{' '}
                    {r.progress.objectives}
                  </List.Item>
                  <List.Item>
                    Reintegration targets with progress recorded: {r.progress.reintegrationTargetsReviewed} of{' '}
                    {r.progress.reintegrationTargets}
                  </List.Item>
                  <List.Item>Placements ended: {r.transitions.ended}</List.Item>
                  {r.transitions.destinations.map((d) => (
                    <List.Item key={d.label}>
                      Post-16 destination, {d.label}: {d.count}
                    </List.Item>
                  ))}
                </List>
              </Section>
              <Section title="Voice and training">
                <List size="sm">
                  <List.Item>Pupil and parent voice answers: {r.voice.responses}</List.Item>
                  {[...r.voice.pupil, ...r.voice.parent]
                    .filter((q) => q.average !== null)
                    .map((q) => (
                      <List.Item key={q.text}>
                        {q.text}: {shown(q.average!, (n) => `${n} of 5`)}
                      </List.Item>
                    ))}
                  <List.Item>
                    Staff {r.training.staff}; with training in date {r.training.withTrainingInDate}; needs
                    reviewed in the year {r.training.reviewedInTheYear}
                  </List.Item>
                </List>
              </Section>
              <Section title="Costs against budget">
                <Text size="sm">
                  Budget {r.budget.academicYear}:{' '}
                  {r.budget.budgetPence === null ? 'not set' : pounds(r.budget.budgetPence)}. Spent to the end
                  of the term {pounds(r.budget.spentToTermEndPence)}; forecast to the end of the year{' '}
                  {pounds(r.budget.forecastPence)}.
                </Text>
                {r.costs.length > 0 && (
                  <DataTable
                    label="Cost per pupil per day by provider"
                    minWidth={360}
                    headers={['Provider', 'Placements with a cost', 'Per pupil per day']}
                    rows={r.costs}
                    row={(c) => (
                      <Table.Tr key={c.provider}>
                        <Table.Th scope="row">{c.provider}</Table.Th>
                        <Table.Td>{c.placementsWithCost}</Table.Td>
                        <Table.Td>
                          {c.averagePerPupilPerDayPence === null
                            ? 'no cost recorded'
                            : shown(c.averagePerPupilPerDayPence, pounds)}
                        </Table.Td>
                      </Table.Tr>
                    )}
                  />
                )}
              </Section>
            </SimpleGrid>
          </>
        )}
        {scope && id && <BudgetsCard academicYear={academicYear} scope={scope} id={id} />}
      </Stack>
    </>
  );
}
