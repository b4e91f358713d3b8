import { Button, Card, Group, MultiSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { dateInWords, maybeDateInWords, type Weekday, weekdayLabels, weekdays } from '@waymark/domain';
import { ApiError } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { storedPlanBody } from './PlanForm.tsx';
import { type Placement, usePlacementChange } from './placements.api.ts';

type Reduced = NonNullable<Placement['reducedTimetable']>;
type Part = 'am' | 'pm';

const sessionLabel = (day: Weekday, part: Part) =>
  `${weekdayLabels[day]} ${part === 'am' ? 'morning' : 'afternoon'}`;

/**
 * A reduced timetable agreed with the parents: the sessions the pupil is expected neither at school
 * nor at the provider (C2 in the register export), with its end and review dates. Saved with the plan.
 */
export function ReducedTimetableCard({ placement: p, canEdit }: { placement: Placement; canEdit: boolean }) {
  const current = p.reducedTimetable;
  const form = useForm({
    initialValues: {
      sessions: (current?.sessions ?? []).map((s) => `${s.day}-${s.session}`),
      agreedWithParentsOn: current?.agreedWithParentsOn ?? '',
      reason: current?.reason ?? '',
      endsOn: current?.endsOn ?? '',
      reviewOn: current?.reviewOn ?? '',
    },
  });
  // Saved with the plan as it is stored; null takes the reduced timetable away.
  const save = usePlacementChange<ReturnType<typeof storedPlanBody>>(p.id, 'PUT', 'plan', {
    onSaved: () => notifySuccess('Reduced timetable saved.'),
    onError: (error) => error instanceof ApiError && form.setErrors(planErrors(error)),
  });
  const atProvider = new Set(p.sessions.map((s) => `${s.day}-${s.session}`));
  const options = weekdays.flatMap((day) =>
    (['am', 'pm'] as const)
      .filter((part) => !atProvider.has(`${day}-${part}`))
      .map((part) => ({ value: `${day}-${part}`, label: sessionLabel(day, part) })),
  );
  const toReduced = (v: typeof form.values): Reduced => ({
    sessions: v.sessions.map((key) => {
      const [day, session] = key.split('-') as [Weekday, Part];
      return { day, session };
    }),
    agreedWithParentsOn: v.agreedWithParentsOn,
    reason: v.reason,
    endsOn: v.endsOn || null,
    reviewOn: v.reviewOn || null,
  });
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Reduced timetable
      </Title>
      <Text mb="sm">
        {current
          ? `Expected nowhere on ${current.sessions.map((s) => sessionLabel(s.day, s.session)).join(', ')} (coded C2), agreed with the parents on ${dateInWords(current.agreedWithParentsOn)}; ends ${maybeDateInWords(current.endsOn, 'with no end date set')}, review ${maybeDateInWords(current.reviewOn, 'not set')}.`
          : 'None: the pupil is expected at school or at the provider every session.'}
      </Text>
      {canEdit && (
        <form
          onSubmit={form.onSubmit((v) => save.mutate(storedPlanBody(p, toReduced(v))))}
          noValidate
          aria-label="Reduced timetable"
        >
          <Stack gap="sm">
            {save.error && !onlyOwnFields(save.error) && <ErrorAlert error={save.error} title="Not saved" />}
            <MultiSelect
              label="Sessions expected neither at school nor at the provider"
              searchable
              data={options}
              {...form.getInputProps('sessions')}
            />
            <Group align="flex-start" wrap="wrap">
              <DateField label="Agreed with the parents on" {...form.getInputProps('agreedWithParentsOn')} />
              <DateField label="Ends on" {...form.getInputProps('endsOn')} />
              <DateField label="Review on" {...form.getInputProps('reviewOn')} />
            </Group>
            <Textarea
              label="Why, and how it builds back to a full timetable"
              autosize
              minRows={2}
              {...form.getInputProps('reason')}
            />
            <Group>
              <Button type="submit" variant="outline" loading={save.isPending}>
                Save reduced timetable
              </Button>
              {current && (
                <Button
                  variant="subtle"
                  onClick={() => save.mutate(storedPlanBody(p, null))}
                  loading={save.isPending}
                >
                  Back to the full timetable
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}

const onlyOwnFields = (error: Error) =>
  error instanceof ApiError &&
  error.fields.length > 0 &&
  error.fields.every((f) => f.path.startsWith('reducedTimetable.'));

/** The plan's errors on `reducedTimetable.*` onto this form's fields. */
function planErrors(error: ApiError) {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fieldErrors())) {
    const field = path.replace(/^reducedTimetable\./, '').replace(/^sessions\.\d+$/, 'sessions');
    errors[field] = message;
  }
  return errors;
}
