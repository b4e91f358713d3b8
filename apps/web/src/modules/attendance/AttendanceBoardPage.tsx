import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  absenceReasonLabels,
  absenceReasons,
  academicYearBounds,
  academicYearOf,
  type CallStep,
  callStepLabels,
  dateInWords,
  momentInWords,
  todayInLondon,
} from '@waymark/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { can, useCurrentSession } from '../auth/session.ts';
import { type FirstDayCallOnBoard, useAttendanceBoard, useFirstDayCall } from './attendance.api.ts';
import { InterventionsCard, RatesCard } from './RatesAndInterventions.tsx';
import { TrendsCard } from './TrendsCard.tsx';

type Call = FirstDayCallOnBoard;

/** The first day of the academic year the date falls in. */
const academicYearStart = (date: string) => academicYearBounds(academicYearOf(date)).firstDay;

/** The attendance officer's day: who is expected where, reported or not, and the first-day calls to make. */
export function AttendanceBoardPage() {
  const session = useCurrentSession();
  const [date, setDate] = useState(todayInLondon());
  const board = useAttendanceBoard(date);
  return (
    <>
      <PageHeader
        title="Attendance"
        description="Pupils expected at providers, what has been reported, and first-day calls."
      />
      <Group align="flex-end" mb="md" wrap="wrap">
        <DateField label="Date" value={date} onChange={(value) => setDate(value)} />
        <Anchor href={`/api/attendance/export?from=${date.slice(0, 8)}01&to=${date}`}>
          Register codes for the MIS (CSV, this month)
        </Anchor>
      </Group>
      <ErrorAlert error={board.error} title="The board could not be loaded" />
      {board.isPending ? (
        <Loading label="Loading the board" />
      ) : (
        board.data && (
          <Stack gap="lg">
            <Card withBorder padding="lg">
              <Title order={2} size="h4" mb="sm">
                First-day calls
              </Title>
              {board.data.calls.length === 0 ? (
                <Text>No unexplained absences are waiting for a call.</Text>
              ) : (
                <Stack>
                  {board.data.calls.map((call) => (
                    <CallCard key={call.id} call={call} canAct={can(session, 'attendance.manage')} />
                  ))}
                </Stack>
              )}
            </Card>
            <InterventionsCard canAct={can(session, 'attendance.manage')} />
            <RatesCard from={academicYearStart(date)} to={date} />
            <TrendsCard from={academicYearStart(date)} to={date} />
            <Card withBorder padding="lg">
              <Title order={2} size="h4" mb="sm">
                Expected at providers on {dateInWords(board.data.date)}
              </Title>
              {board.data.pupils.length === 0 ? (
                <Text>No pupils are expected at providers on this date.</Text>
              ) : (
                <DataTable
                  label="Pupils expected at providers"
                  minWidth={600}
                  striped
                  headers={['Pupil', 'Provider', 'Sessions']}
                  rows={board.data.pupils}
                  row={(p) => (
                    <Table.Tr key={p.placementId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/placements/${p.placementId}`}>
                          {p.pupilName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{p.providerName}</Table.Td>
                      <Table.Td>
                        <Group gap="xs">
                          {p.sessions.map((s) => (
                            <Tag
                              key={s.session}
                              tone={
                                s.status === 'reported'
                                  ? s.code === 'N'
                                    ? 'danger'
                                    : 'positive'
                                  : s.status === 'not_reported'
                                    ? 'danger'
                                    : 'neutral'
                              }
                            >
                              {s.session.toUpperCase()}:{' '}
                              {s.status === 'reported'
                                ? `${s.code}${s.late ? ' (late)' : ''}`
                                : s.status === 'not_reported'
                                  ? `not reported (due ${s.dueBy})`
                                  : `due by ${s.dueBy}`}
                            </Tag>
                          ))}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  )}
                />
              )}
            </Card>
          </Stack>
        )
      )}
    </>
  );
}

function CallCard({ call, canAct }: { call: Call; canAct: boolean }) {
  const calls = useFirstDayCall(call.id);
  const logForm = useForm({
    initialValues: { step: 'call', called: '', number: '', outcome: '', safeAndWell: false },
  });
  const closeForm = useForm({ initialValues: { reasonFound: '', note: '' } });
  const submitLog = (values: typeof logForm.values) =>
    calls.log.mutate(values, {
      onSuccess: () => {
        logForm.reset();
        notifySuccess('Logged.');
      },
      onError: (error) => error instanceof ApiError && logForm.setErrors(error.fieldErrors()),
    });
  const submitClose = (values: typeof closeForm.values) =>
    calls.close.mutate(
      { ...values, reasonFound: values.reasonFound || undefined },
      {
        onSuccess: () => notifySuccess(`First-day call for ${call.pupilName} closed.`),
        onError: (error) => error instanceof ApiError && closeForm.setErrors(error.fieldErrors()),
      },
    );
  return (
    <Card
      withBorder
      padding="md"
      component="article"
      aria-label={`First-day call: ${call.pupilName}, ${dateInWords(call.date)}`}
    >
      <Group gap="xs" wrap="wrap">
        <Title order={3} size="h5">
          {call.pupilName}, absent {dateInWords(call.date)}, reason not known
        </Title>
        {call.overdue && <Tag tone="danger">Overdue: not closed on the day</Tag>}
      </Group>
      {call.resolveBy && (
        <Text size="sm">
          The N code must be resolved by {dateInWords(call.resolveBy)} (five school days).
        </Text>
      )}
      <Text size="sm" mb="xs">
        Contacts:{' '}
        {call.contacts.map((c) => `${c.name} (${c.relationship}) ${c.telephone ?? ''}`).join('; ') ||
          'none recorded'}
      </Text>
      {call.log.length > 0 && (
        <List size="sm" mb="xs">
          {call.log.map((l) => (
            <List.Item key={l.at + l.outcome}>
              {momentInWords(l.at)} {callStepLabels[l.step as CallStep]} by {l.byName}
              {l.called ? ` to ${l.called}` : ''}
              {l.number ? ` on ${l.number}` : ''}: {l.outcome}
              {l.safeAndWell ? ' (safe and well)' : ''}
            </List.Item>
          ))}
        </List>
      )}
      {canAct && (
        <Stack gap="sm">
          <form onSubmit={logForm.onSubmit(submitLog)} noValidate>
            <Group align="flex-end" wrap="wrap">
              <Select
                label="Step"
                data={Object.entries(callStepLabels).map(([value, label]) => ({ value, label }))}
                {...logForm.getInputProps('step')}
              />
              <TextInput label="Who was called" {...logForm.getInputProps('called')} />
              <TextInput label="Number" {...logForm.getInputProps('number')} />
              <TextInput label="Outcome" required {...logForm.getInputProps('outcome')} />
              <Checkbox
                label="Safe and well"
                {...logForm.getInputProps('safeAndWell', { type: 'checkbox' })}
              />
              <Button type="submit" variant="outline" loading={calls.log.isPending}>
                Log
              </Button>
            </Group>
          </form>
          <form onSubmit={closeForm.onSubmit(submitClose)} noValidate>
            <Group align="flex-end" wrap="wrap">
              <Select
                label="Reason found"
                data={absenceReasons
                  .filter((r) => r !== 'unknown')
                  .map((r) => ({ value: r, label: absenceReasonLabels[r] }))}
                {...closeForm.getInputProps('reasonFound')}
              />
              <TextInput label="How it was found" {...closeForm.getInputProps('note')} />
              <Button type="submit" loading={calls.close.isPending}>
                Close call
              </Button>
            </Group>
          </form>
        </Stack>
      )}
    </Card>
  );
}
