import { Alert, Button, Card, Group, NumberInput, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { dateInWords, todayInLondon } from '@waymark/domain';
import { useState } from 'react';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { fetchDay } from './calendar.api.ts';

const reasons = {
  weekend: 'it is a weekend',
  holiday: 'it is in the school holidays',
  bank_holiday: 'it is a bank holiday',
  inset: 'it is an INSET day',
  closure: 'the school is closed',
} as const;

/** Answers "is this a school day here" and "what date is N school days on", as later rules will. */
export function DayChecker({ schoolId }: { schoolId: string }) {
  const [date, setDate] = useState(todayInLondon());
  const [n, setN] = useState<number | string>(2);
  const check = useMutation({
    mutationFn: () => fetchDay(schoolId, date, typeof n === 'number' ? n : undefined),
  });
  const day = check.data;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Check a date
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          check.mutate();
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <DateField label="Date to check" required value={date} onChange={(value) => setDate(value)} />
          <NumberInput label="Add school days" min={-400} max={400} value={n} onChange={setN} w={160} />
          <Button type="submit" loading={check.isPending}>
            Check
          </Button>
        </Group>
      </form>
      <div aria-live="polite">
        <ErrorAlert error={check.error} title="That date could not be checked" />
        {day && (
          <Alert
            mt="md"
            color={day.isSchoolDay ? 'green' : 'gray'}
            title={dateInWords(day.date, { weekday: true })}
          >
            <Text>
              {day.isSchoolDay
                ? 'A school day'
                : `Not a school day: ${reasons[day.reason!]}${day.note ? ` (${day.note})` : ''}`}
              {day.halfTerm ? `, in ${day.halfTerm}.` : '.'}
            </Text>
            {day.plusSchoolDays && (
              <Text mt={4}>
                {Math.abs(day.plusSchoolDays.n)} school days {day.plusSchoolDays.n >= 0 ? 'later' : 'earlier'}
                : {dateInWords(day.plusSchoolDays.date, { weekday: true })}
              </Text>
            )}
          </Alert>
        )}
      </div>
    </Card>
  );
}
