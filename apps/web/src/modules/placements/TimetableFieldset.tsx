import { Checkbox, Fieldset, Group, NumberInput, Table, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { type TimetableSession, type Weekday, weekdayLabels, weekdays } from '@waymark/domain';
import { DataTable } from '../../ui/DataTable.tsx';

/** The plan's timetable: a session per morning and afternoon ticked, its hours, and for a direction its times. */
export function TimetableFieldset<V extends { sessions: TimetableSession[] }>({
  form,
  withTimes,
}: {
  form: UseFormReturnType<V>;
  withTimes: boolean;
}) {
  const sessions = form.values.sessions;
  const session = (day: Weekday, part: 'am' | 'pm') =>
    sessions.findIndex((s) => s.day === day && s.session === part);
  const toggle = (day: Weekday, part: 'am' | 'pm', on: boolean) => {
    const others = sessions.filter((s) => !(s.day === day && s.session === part));
    const added: TimetableSession[] = on ? [{ day, session: part, hours: part === 'am' ? 3 : 2.5 }] : [];
    form.setFieldValue('sessions' as never, [...others, ...added] as never);
  };
  return (
    <Fieldset legend="Timetable at the provider">
      <DataTable
        label="Sessions at the provider"
        minWidth={420}
        headers={['Day', 'Morning', 'Afternoon']}
        rows={weekdays}
        row={(day) => (
          <Table.Tr key={day}>
            <Table.Th scope="row">{weekdayLabels[day]}</Table.Th>
            {(['am', 'pm'] as const).map((part) => {
              const index = session(day, part);
              const label = `${weekdayLabels[day]} ${part === 'am' ? 'morning' : 'afternoon'}`;
              return (
                <Table.Td key={part}>
                  <Group gap="xs" wrap="nowrap">
                    <Checkbox
                      aria-label={label}
                      checked={index >= 0}
                      onChange={(e) => toggle(day, part, e.currentTarget.checked)}
                    />
                    {index >= 0 && (
                      <NumberInput
                        aria-label={`${label}: hours`}
                        w={80}
                        min={0.5}
                        max={6}
                        step={0.5}
                        decimalScale={1}
                        {...form.getInputProps(`sessions.${index}.hours`)}
                      />
                    )}
                    {index >= 0 && withTimes && (
                      <>
                        <TextInput
                          aria-label={`${label}: starts at`}
                          type="time"
                          w={110}
                          {...form.getInputProps(`sessions.${index}.startsAt`)}
                        />
                        <TextInput
                          aria-label={`${label}: ends at`}
                          type="time"
                          w={110}
                          {...form.getInputProps(`sessions.${index}.endsAt`)}
                        />
                      </>
                    )}
                  </Group>
                </Table.Td>
              );
            })}
          </Table.Tr>
        )}
      />
      <Text size="sm" mt="xs" aria-live="polite">
        {form.values.sessions.reduce((sum, s) => sum + Number(s.hours || 0), 0)} hours a week
      </Text>
      {form.errors.sessions && (
        <Text c="red.9" size="sm">
          {form.errors.sessions}
        </Text>
      )}
    </Fieldset>
  );
}
