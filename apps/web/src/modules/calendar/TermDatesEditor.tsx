import { Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import {
  addDays,
  type ClosureKind,
  halfTermLabel,
  shiftAcademicYear,
  type TermName,
  termNames,
} from '@waymark/domain';
import { useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { fetchTermDates, type TermDates, useSaveTermDates } from './calendar.api.ts';

interface HalfTermDraft {
  term: TermName;
  half: 1 | 2;
  startsOn: string;
  endsOn: string;
}

const slots: HalfTermDraft[] = termNames.flatMap((term) =>
  ([1, 2] as const).map((half) => ({ term, half, startsOn: '', endsOn: '' })),
);

/** Enter or correct one academic year's term dates for a school (trust administrators). */
export function TermDatesEditor({ schoolId, termDates }: { schoolId: string; termDates: TermDates }) {
  const [halfTerms, setHalfTerms] = useState<HalfTermDraft[]>(() =>
    slots.map((slot) => {
      const saved = termDates.halfTerms.find((h) => h.term === slot.term && h.half === slot.half);
      return saved ? { ...slot, startsOn: saved.startsOn, endsOn: saved.endsOn } : slot;
    }),
  );
  // Each row gets a key of its own, so removing one row does not shift the others' input state.
  const [closures, setClosures] = useState(
    termDates.closureDays.map((c) => ({ ...c, key: crypto.randomUUID() })),
  );
  const save = useSaveTermDates(schoolId);
  const saveYear = () =>
    save.mutate(
      {
        academicYear: termDates.academicYear,
        halfTerms: halfTerms.map((h) => ({ ...h, academicYear: termDates.academicYear })),
        closureDays: closures.map(({ key: _key, ...c }) => c),
      },
      { onSuccess: () => notifySuccess(`Term dates for ${termDates.academicYear} saved.`) },
    );
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const fillFromLastYear = useMutation({
    mutationFn: async () => {
      const academicYear = shiftAcademicYear(termDates.academicYear, -1);
      const last = await fetchTermDates(schoolId, academicYear);
      if (!last.halfTerms.length) throw new Error(`No term dates are entered for ${academicYear}.`);
      return last;
    },
    onSuccess: (last) => {
      // 52 weeks on keeps each date on the same weekday; the administrator then adjusts to the LA's dates.
      setHalfTerms(
        slots.map((slot) => {
          const saved = last.halfTerms.find((h) => h.term === slot.term && h.half === slot.half);
          return saved
            ? { ...slot, startsOn: addDays(saved.startsOn, 364), endsOn: addDays(saved.endsOn, 364) }
            : slot;
        }),
      );
      setClosures(
        last.closureDays.map((c) => ({ ...c, date: addDays(c.date, 364), key: crypto.randomUUID() })),
      );
    },
  });
  const updateHalfTerm = (i: number, field: 'startsOn' | 'endsOn', value: string) =>
    setHalfTerms((all) => all.map((h, k) => (k === i ? { ...h, [field]: value } : h)));

  return (
    <Card withBorder padding="lg" style={{ gridColumn: '1 / -1' }}>
      <Title order={2} size="h4" mb="xs">
        Edit {termDates.academicYear} term dates
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Enter each half-term from its first to its last day, INSET days included, then list the INSET and
        closure days.
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          saveYear();
        }}
      >
        <Stack>
          <ErrorAlert error={save.error} title="The term dates were not saved" />
          <ErrorAlert error={fillFromLastYear.error} title="Last year’s dates could not be used" />
          <Button
            variant="outline"
            w="fit-content"
            onClick={() => fillFromLastYear.mutate()}
            loading={fillFromLastYear.isPending}
          >
            Fill in from {shiftAcademicYear(termDates.academicYear, -1)}, 52 weeks on
          </Button>
          <DataTable
            label="Half-term dates to edit"
            minWidth={480}
            headers={['Half-term', 'First day', 'Last day']}
            rows={halfTerms}
            row={(h, i) => (
              <Table.Tr key={`${h.term}-${h.half}`}>
                <Table.Th scope="row">{halfTermLabel(h)}</Table.Th>
                <Table.Td>
                  <DateField
                    aria-label={`${halfTermLabel(h)} first day`}
                    value={h.startsOn}
                    error={errors[`halfTerms.${i}.startsOn`]}
                    onChange={(value) => updateHalfTerm(i, 'startsOn', value)}
                  />
                </Table.Td>
                <Table.Td>
                  <DateField
                    aria-label={`${halfTermLabel(h)} last day`}
                    value={h.endsOn}
                    error={errors[`halfTerms.${i}.endsOn`]}
                    onChange={(value) => updateHalfTerm(i, 'endsOn', value)}
                  />
                </Table.Td>
              </Table.Tr>
            )}
          />
          <Title order={3} size="h5">
            INSET and closure days
          </Title>
          {closures.map((c, i) => (
            <Group key={c.key} align="flex-end" wrap="wrap">
              <DateField
                label="Date"
                aria-label={`Closure day ${i + 1} date`}
                value={c.date}
                error={errors[`closureDays.${i}.date`]}
                onChange={(value) =>
                  setClosures((all) => all.map((x, k) => (k === i ? { ...x, date: value } : x)))
                }
              />
              <Select
                label="Kind"
                aria-label={`Closure day ${i + 1} kind`}
                data={[
                  { value: 'inset', label: 'INSET day' },
                  { value: 'closure', label: 'Closure' },
                ]}
                value={c.kind}
                allowDeselect={false}
                onChange={(v) =>
                  setClosures((all) =>
                    all.map((x, k) => (k === i ? { ...x, kind: (v ?? 'inset') as ClosureKind } : x)),
                  )
                }
              />
              <TextInput
                label="Note"
                aria-label={`Closure day ${i + 1} note`}
                value={c.note}
                onChange={(e) =>
                  setClosures((all) =>
                    all.map((x, k) => (k === i ? { ...x, note: e.currentTarget.value } : x)),
                  )
                }
              />
              <Button
                variant="outline"
                color="red.9"
                onClick={() => setClosures((all) => all.filter((_, k) => k !== i))}
                aria-label={`Remove closure day ${i + 1}`}
              >
                Remove
              </Button>
            </Group>
          ))}
          <Group>
            <Button
              variant="outline"
              onClick={() =>
                setClosures((all) => [
                  ...all,
                  { date: '', kind: 'inset', note: '', key: crypto.randomUUID() },
                ])
              }
            >
              Add a closure day
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save term dates
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
