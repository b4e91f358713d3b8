import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { todayInLondon } from '@waymark/domain';
import { ApiError } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { type Placement, usePlacementChange } from './placements.api.ts';
import { TimetableFieldset } from './TimetableFieldset.tsx';

const newId = () => Math.random().toString(36).slice(2, 10);

function initialValues(p: Placement) {
  return {
    reason: p.reason,
    startsOn: p.startsOn ?? '',
    plannedEndOn: p.plannedEndOn ?? '',
    discussedOn: p.agreement?.discussedOn ?? '',
    withWhom: p.agreement?.withWhom ?? '',
    how: p.agreement?.how ?? '',
    pupilView: p.agreement?.pupilView ?? '',
    agreed: p.agreement?.agreed ?? false,
    voluntaryConsent: p.agreement?.voluntaryConsent ?? false,
    objectives: p.objectives,
    reintegrationTargets: p.reintegrationTargets.map((t) => ({
      ...t,
      targetDate: t.targetDate ?? '',
      post16Link: t.post16Link ?? '',
    })),
    induction: p.induction,
    sessions: p.sessions,
    cost: p.costPence === null ? '' : (p.costPence / 100).toFixed(2),
    costPer: p.costPer ?? '',
    funding: p.funding,
    maximumDays: p.maximumDays ?? ('' as number | ''),
    attendanceTargetPercent: p.attendanceTargetPercent as number | '',
    noticeGivenOn: p.noticeGivenOn ?? '',
    /** For a placement that has run: from which day a new timetable, cost or target applies, and why. */
    changeFrom: '',
    changeReason: '',
  };
}
type Values = ReturnType<typeof initialValues>;

/** The plan to save; the reduced timetable has its own card, so this form sends it back as it was. */
function toBody(v: Values, version: number, reducedTimetable: Placement['reducedTimetable']) {
  const agreementStarted = v.discussedOn || v.withWhom || v.how;
  return {
    version,
    reason: v.reason,
    startsOn: v.startsOn || null,
    plannedEndOn: v.plannedEndOn || null,
    agreement: agreementStarted
      ? {
          discussedOn: v.discussedOn,
          withWhom: v.withWhom,
          how: v.how,
          pupilView: v.pupilView,
          agreed: v.agreed,
          voluntaryConsent: v.voluntaryConsent,
        }
      : null,
    objectives: v.objectives,
    reintegrationTargets: v.reintegrationTargets.map((t) => ({
      ...t,
      targetDate: t.targetDate || undefined,
      post16Link: t.post16Link || undefined,
    })),
    induction: v.induction,
    sessions: v.sessions,
    costPence: v.cost === '' ? null : Math.round(Number(v.cost) * 100),
    costPer: v.costPer || null,
    funding: v.funding,
    maximumDays: v.maximumDays === '' ? null : Number(v.maximumDays),
    attendanceTargetPercent: v.attendanceTargetPercent === '' ? undefined : Number(v.attendanceTargetPercent),
    noticeGivenOn: v.noticeGivenOn || null,
    timetableChange: v.changeFrom || v.changeReason ? { from: v.changeFrom, reason: v.changeReason } : null,
    reducedTimetable,
  };
}

/** Whether the form's timetable, cost or target differ from the placement's: such a change is dated. */
function termsChanged(v: Values, p: Placement) {
  const before = initialValues(p);
  const terms = (x: Values) =>
    JSON.stringify([
      [...x.sessions]
        .map((s) => [s.day, s.session, Number(s.hours), s.startsAt ?? '', s.endsAt ?? ''])
        .sort((a, b) => String(a).localeCompare(String(b))),
      x.cost,
      x.costPer,
      Number(x.attendanceTargetPercent),
    ]);
  return terms(v) !== terms(before);
}

/** The plan as stored, with another reduced timetable: how the reduced-timetable card saves. */
export function storedPlanBody(p: Placement, reducedTimetable: Placement['reducedTimetable']) {
  return toBody(initialValues(p), p.version, reducedTimetable);
}

/** Server paths (agreement.withWhom) onto this form's flat fields (withWhom). */
function formErrors(error: ApiError) {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fieldErrors()))
    errors[
      path
        .replace(/^agreement\./, '')
        .replace('timetableChange.from', 'changeFrom')
        .replace('timetableChange.reason', 'changeReason')
    ] = message;
  return errors;
}

/** The personalised learning plan, reintegration targets, timetable and agreement, saved together. */
export function PlanForm({ placement }: { placement: Placement }) {
  const form = useForm<Values>({ initialValues: initialValues(placement) });
  const save = usePlacementChange<ReturnType<typeof toBody>>(placement.id, 'PUT', 'plan', {
    onSaved: () => notifySuccess('Plan saved.'),
    onError: (error) => error instanceof ApiError && form.setErrors(formErrors(error)),
  });
  const showPost16 = placement.pupil.yearGroup >= 9;
  // A placement that has run a day keeps its past: a new timetable, cost or target needs its day.
  const hasRun =
    placement.status === 'active' && placement.startsOn !== null && placement.startsOn < todayInLondon();
  const askWhen = hasRun && termsChanged(form.values, placement);
  return (
    <form
      onSubmit={form.onSubmit((values) =>
        save.mutate(toBody(values, placement.version, placement.reducedTimetable)),
      )}
      noValidate
    >
      <Stack gap="md">
        {save.error && <ErrorAlert error={save.error} title="The plan was not saved" />}
        <Textarea
          label="Reason for the placement"
          required
          autosize
          minRows={2}
          {...form.getInputProps('reason')}
        />
        <Group align="flex-start" wrap="wrap">
          <DateField label="Start" {...form.getInputProps('startsOn')} />
          <DateField label="Planned end" {...form.getInputProps('plannedEndOn')} />
        </Group>

        <Fieldset legend="Discussion and agreement with the pupil and parents">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField label="Date discussed" {...form.getInputProps('discussedOn')} />
            <TextInput label="Who took part" {...form.getInputProps('withWhom')} />
            <TextInput
              label="How it was discussed"
              description="Meeting, phone call, home visit"
              {...form.getInputProps('how')}
            />
          </SimpleGrid>
          <Textarea
            label="What the pupil said about it"
            autosize
            minRows={1}
            mt="sm"
            {...form.getInputProps('pupilView')}
          />
          <Checkbox
            mt="sm"
            label="The pupil and parents agree to the placement"
            {...form.getInputProps('agreed', { type: 'checkbox' })}
          />
          {placement.type === 'managed_move' && (
            <Checkbox
              mt="xs"
              label="The parents give their voluntary consent to the managed move"
              {...form.getInputProps('voluntaryConsent', { type: 'checkbox' })}
            />
          )}
        </Fieldset>

        <Fieldset legend="Personalised learning plan: objectives">
          <Stack gap="sm">
            {form.values.objectives.map((o, i) => (
              <SimpleGrid key={o.id} cols={{ base: 1, sm: 3 }}>
                <Textarea
                  label={`Objective ${i + 1}`}
                  autosize
                  minRows={1}
                  {...form.getInputProps(`objectives.${i}.text`)}
                />
                <TextInput label="By when" {...form.getInputProps(`objectives.${i}.timeline`)} />
                <TextInput
                  label="Success looks like"
                  {...form.getInputProps(`objectives.${i}.successCriteria`)}
                />
              </SimpleGrid>
            ))}
            <Group>
              <Button
                variant="outline"
                size="xs"
                onClick={() =>
                  form.insertListItem('objectives', {
                    id: newId(),
                    text: '',
                    timeline: '',
                    successCriteria: '',
                  })
                }
              >
                Add an objective
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Fieldset legend="Reintegration plan: targets (policy §12)">
          <Stack gap="sm">
            {form.values.reintegrationTargets.map((t, i) => (
              <SimpleGrid key={t.id} cols={{ base: 1, sm: showPost16 ? 4 : 3 }}>
                <Textarea
                  label={`Target ${i + 1}`}
                  autosize
                  minRows={1}
                  {...form.getInputProps(`reintegrationTargets.${i}.text`)}
                />
                <TextInput label="Timeline" {...form.getInputProps(`reintegrationTargets.${i}.timeline`)} />
                <DateField
                  label="Check progress on"
                  description="On the board from two weeks before"
                  {...form.getInputProps(`reintegrationTargets.${i}.targetDate`)}
                />
                {showPost16 && (
                  <TextInput
                    label="Link to the post-16 plan"
                    {...form.getInputProps(`reintegrationTargets.${i}.post16Link`)}
                  />
                )}
              </SimpleGrid>
            ))}
            <Group>
              <Button
                variant="outline"
                size="xs"
                onClick={() =>
                  form.insertListItem('reintegrationTargets', {
                    id: newId(),
                    text: '',
                    timeline: '',
                    targetDate: '',
                    post16Link: '',
                  })
                }
              >
                Add a reintegration target
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <TimetableFieldset form={form} withTimes={placement.type === 'off_site_direction'} />

        <Textarea
          label="Induction and transition"
          autosize
          minRows={2}
          {...form.getInputProps('induction')}
        />
        <Group align="flex-start" wrap="wrap">
          <TextInput label="Cost (£)" inputMode="decimal" {...form.getInputProps('cost')} />
          <Select
            label="Per"
            clearable
            data={[
              { value: 'session', label: 'Session' },
              { value: 'day', label: 'Day' },
              { value: 'week', label: 'Week' },
            ]}
            {...form.getInputProps('costPer')}
          />
          <TextInput label="Funding" {...form.getInputProps('funding')} />
          <NumberInput
            label="Attendance target (%)"
            min={1}
            max={100}
            {...form.getInputProps('attendanceTargetPercent')}
          />
        </Group>
        {askWhen && (
          <Fieldset legend="When the change applies">
            <Text size="sm" mb="xs">
              The placement has started: the days already past keep the timetable, cost and target they ran
              on.
            </Text>
            <Group align="flex-start" wrap="wrap">
              <DateField label="Applies from" required {...form.getInputProps('changeFrom')} />
              <TextInput label="Why it changes" required miw={280} {...form.getInputProps('changeReason')} />
            </Group>
          </Fieldset>
        )}
        {placement.type === 'off_site_direction' && (
          <Fieldset legend="Off-site direction">
            <Group align="flex-start" wrap="wrap">
              <NumberInput
                label="Maximum period (days)"
                min={1}
                max={366}
                {...form.getInputProps('maximumDays')}
              />
              <DateField label="Written notice given" {...form.getInputProps('noticeGivenOn')} />
            </Group>
          </Fieldset>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save plan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
