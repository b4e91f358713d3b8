import { Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { dateInWords, type LeavingReason, leavingReasonLabels, leavingReasons } from '@waymark/domain';
import { fieldErrorsOf } from '@waymark/domain/contracts/field-errors';
import { type LeavingRequest, leavingSchema } from '@waymark/domain/contracts/pupils';
import { ApiError } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { type Pupil, useRecordLeaving } from './pupils.api.ts';

/**
 * Taking the pupil off the school roll: the day and why. The server ends their running placements
 * that day and cancels their referrals, so the card says so before anyone presses the button.
 */
export function LeavingCard({ pupil, canEdit }: { pupil: Pupil; canEdit: boolean }) {
  const requestOf = (v: { leftOn: string; reason: string; note: string }) => ({
    ...v,
    reason: v.reason || undefined,
    version: pupil.version,
  });
  const form = useForm({
    initialValues: { leftOn: '', reason: '', note: '' },
    // The route's own schema, so the form names every field the server would refuse.
    validate: (v) => fieldErrorsOf(leavingSchema, requestOf(v)),
  });
  const leave = useRecordLeaving(pupil.id);
  const record = (v: typeof form.values) =>
    leave.mutate(
      // The form's check has passed, so a reason is chosen.
      requestOf(v) as LeavingRequest,
      {
        onSuccess: () => notifySuccess('Taken off the roll. Their placements have ended.'),
        onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
      },
    );
  if (pupil.leaving)
    return (
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="xs">
          Left the school roll
        </Title>
        <Text>
          On {dateInWords(pupil.leaving.leftOn)}: {leavingReasonLabels[pupil.leaving.reason]}
          {pupil.leaving.note ? `. ${pupil.leaving.note}` : ''}
        </Text>
      </Card>
    );
  if (!canEdit) return null;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Leaving the school roll
      </Title>
      <Text mb="sm">
        From the day they leave, the pupil’s running placements end and their referrals are cancelled.
      </Text>
      <form onSubmit={form.onSubmit(record)} noValidate aria-label="Leaving the school roll">
        <Stack gap="sm">
          {leave.error && !(leave.error instanceof ApiError && leave.error.fields.length) && (
            <ErrorAlert error={leave.error} title="Not recorded" />
          )}
          <Group align="flex-start" wrap="wrap">
            <DateField label="Left on" required {...form.getInputProps('leftOn')} />
            <Select
              label="Why they left"
              required
              data={leavingReasons.map((r: LeavingReason) => ({ value: r, label: leavingReasonLabels[r] }))}
              {...form.getInputProps('reason')}
            />
          </Group>
          <Textarea label="Note" autosize minRows={2} {...form.getInputProps('note')} />
          <Group>
            <Button type="submit" variant="outline" color="red.9" loading={leave.isPending}>
              Take off the roll
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
