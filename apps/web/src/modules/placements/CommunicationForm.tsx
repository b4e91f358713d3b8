import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { communicationKindLabels, communicationKinds } from '@waymark/domain';
import { fieldErrorsOf } from '@waymark/domain/contracts/field-errors';
import { type CommunicationRequest, communicationInputSchema } from '@waymark/domain/contracts/placements';
import { ApiError } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { useRecordCommunication } from './placements.api.ts';

/** Records a call, email, meeting, visit or letter; used for placements and for providers. */
export function CommunicationForm<T>({
  path,
  label,
  onSaved,
}: {
  path: string;
  label: string;
  onSaved: (saved: T) => void;
}) {
  // A Select shows nothing only for null; an empty string would leave the last choice on screen.
  const form = useForm({
    initialValues: { kind: null as string | null, occurredOn: '', withWhom: '', summary: '', followUp: '' },
    // The route's own schema, so the form names every field the server would refuse.
    validate: (values) => fieldErrorsOf(communicationInputSchema, values),
  });
  const save = useRecordCommunication<T>(path, onSaved);
  const record = (values: typeof form.values) =>
    // The form's check has passed, so a kind is chosen and the note is the request's shape.
    save.mutate(values as CommunicationRequest, {
      onSuccess: () => {
        form.reset();
        notifySuccess('Recorded.');
      },
      onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
    });
  return (
    <form onSubmit={form.onSubmit(record)} noValidate aria-label={label}>
      <Stack gap="sm">
        {save.error && !(save.error instanceof ApiError && save.error.fields.length) && (
          <ErrorAlert error={save.error} />
        )}
        <Group align="flex-start" wrap="wrap">
          <Select
            label="Kind of contact"
            required
            data={communicationKinds.map((k) => ({ value: k, label: communicationKindLabels[k] }))}
            {...form.getInputProps('kind')}
          />
          <DateField label="When" required {...form.getInputProps('occurredOn')} />
          <TextInput label="With whom" required {...form.getInputProps('withWhom')} />
        </Group>
        <Textarea
          label="What was said or agreed"
          required
          autosize
          minRows={1}
          {...form.getInputProps('summary')}
        />
        <TextInput label="Follow-up" {...form.getInputProps('followUp')} />
        <Group>
          <Button type="submit" variant="outline" loading={save.isPending}>
            Record contact
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
