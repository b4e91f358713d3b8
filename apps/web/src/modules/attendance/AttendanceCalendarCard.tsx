import { Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { codeMeaning, nonSchoolDayReasonLabels, todayInLondon } from '@waymark/domain';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { HeaderRow } from '../../ui/HeaderRow.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { usePupilAttendance } from './attendance.api.ts';

// Dark enough for white text (WCAG AA); the code is always written in the cell, so colour is never the only cue.
const colours = {
  present: '#1e6b30',
  approved_off_site: '#1e6b30',
  authorised: '#a4460a',
  unauthorised: '#b3261e',
  not_possible: '#495057',
} as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** Every day of the month: weekends and holidays are shown as such, not left blank like a school day. */
function monthDays(month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: last }, (_, i) => `${month}-${pad(i + 1)}`);
}

function shift(month: string, by: number) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** A month of a pupil's register codes, weekday by weekday, morning and afternoon. */
export function AttendanceCalendarCard({ pupilId }: { pupilId: string }) {
  const [month, setMonth] = useState(() => todayInLondon().slice(0, 7));
  const days = monthDays(month);
  const attendance = usePupilAttendance(pupilId, `${month}-01`, days.at(-1)!);
  const label = new Date(`${month}-01T12:00:00Z`).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
  });
  const rate = attendance.data?.rate;
  const cell = (date: string, session: 'am' | 'pm') => {
    const mark = attendance.data?.marks.find((m) => m.date === date && m.session === session);
    if (!mark) return <Table.Td key={session} />;
    const meaning = codeMeaning(mark.code) ?? 'not_possible';
    return (
      <Table.Td
        key={session}
        style={{ background: colours[meaning], color: 'white', textAlign: 'center', fontWeight: 600 }}
      >
        {mark.code}
      </Table.Td>
    );
  };
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h4">
          Attendance, {label}
        </Title>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => setMonth(shift(month, -1))}>
            Previous month
          </Button>
          <Button size="xs" variant="default" onClick={() => setMonth(shift(month, 1))}>
            Next month
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={attendance.error} title="Attendance could not be loaded" />
      <Text size="sm" mb="sm" aria-live="polite">
        {rate?.possible
          ? `${rate.attendancePercent}% of ${rate.possible} possible sessions${rate.severeAbsence ? ' — severe absence' : rate.persistentAbsence ? ' — persistent absence' : ''}.`
          : 'No marks this month.'}{' '}
        B attended at the provider; D dual registered; I, M, R, C authorised; N, O, G unauthorised.
      </Text>
      <TableScroll label={`Register codes for ${label}`} minWidth={360}>
        <Table withColumnBorders>
          <HeaderRow names={['Day', 'AM', 'PM']} />
          <Table.Tbody>
            {days.map((date) => {
              const day = attendance.data?.days.find((d) => d.date === date);
              const marked = attendance.data?.marks.some((m) => m.date === date);
              return (
                <Table.Tr key={date}>
                  <Table.Th scope="row">
                    {new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', {
                      weekday: 'short',
                      day: 'numeric',
                    })}
                  </Table.Th>
                  {day?.reason && !marked ? (
                    <Table.Td colSpan={2} c="dimmed">
                      {nonSchoolDayReasonLabels[day.reason]}
                      {day.note ? `: ${day.note}` : ''}
                    </Table.Td>
                  ) : (
                    <>
                      {cell(date, 'am')}
                      {cell(date, 'pm')}
                    </>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Card>
  );
}
