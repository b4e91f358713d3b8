import { Button, Checkbox, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  noticesThatMakeALetterDue,
  noticesThatNameAPerson,
  type ProviderNoticeKind,
  providerNoticeKinds,
  providerNoticeLabels,
} from '@waymark/domain';
import { fieldErrorsOf } from '@waymark/domain/contracts/field-errors';
import { providerNoticeInputSchema } from '@waymark/domain/contracts/notices';
import { ApiError } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { type ProviderNotice, type ProviderNoticeRequest, useRecordNotice } from './notices.api.ts';

interface Values {
  kind: ProviderNoticeKind | null;
  effectiveOn: string;
  details: string;
  checksAssured: boolean;
  newPersonName: string;
  newPersonTrainedOn: string;
}

const namesAPerson = (kind: ProviderNoticeKind | null) =>
  kind !== null && noticesThatNameAPerson.includes(kind);

/** What the form sends: only the fields the chosen kind asks for. */
const requestOf = ({ checksAssured, newPersonName, newPersonTrainedOn, ...values }: Values) => ({
  ...values,
  ...(values.kind === 'new_staff' ? { checksAssured } : {}),
  ...(namesAPerson(values.kind)
    ? { newPerson: { name: newPersonName, trainedOn: newPersonTrainedOn || null } }
    : {}),
});

/** The route's own schema's verdict, on the form's field names. */
function formErrorsOf(fields: Record<string, string>) {
  const { 'newPerson.name': newPersonName, 'newPerson.trainedOn': newPersonTrainedOn, ...rest } = fields;
  return {
    ...rest,
    ...(newPersonName ? { newPersonName } : {}),
    ...(newPersonTrainedOn ? { newPersonTrainedOn } : {}),
  };
}

/** Records a change the provider undertook to tell the school about: from the portal, or by school staff who were told. */
export function NoticeForm({
  to,
  submitLabel,
  onSaved,
  initialKind = null,
}: {
  /** A provider's page (school staff recording what they were told), or the portal. */
  to: { providerId: string } | 'portal';
  submitLabel: string;
  onSaved: (notice: ProviderNotice) => void;
  /** Chosen already when the person came from a link to a notice they owe. */
  initialKind?: ProviderNoticeKind | null;
}) {
  const form = useForm<Values>({
    initialValues: {
      kind: initialKind,
      effectiveOn: '',
      details: '',
      checksAssured: false,
      newPersonName: '',
      newPersonTrainedOn: '',
    },
    validate: (values) => formErrorsOf(fieldErrorsOf(providerNoticeInputSchema, requestOf(values))),
  });
  const save = useRecordNotice(to);
  const submit = (values: Values) =>
    // The form's own check has passed, so the request is the schema's shape.
    save.mutate(requestOf(values) as ProviderNoticeRequest, {
      onSuccess: (notice) => {
        form.reset();
        onSaved(notice);
        notifySuccess(
          noticesThatMakeALetterDue.includes(notice.kind)
            ? 'The change is recorded. A new safeguarding assurance letter is now due.'
            : 'Recorded. The school has been told.',
        );
      },
      onError: (error) => {
        if (error instanceof ApiError) form.setErrors(formErrorsOf(error.fieldErrors()));
      },
    });
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="sm">
        {save.error && !(save.error instanceof ApiError && save.error.fields.length) && (
          <ErrorAlert error={save.error} />
        )}
        <Group align="flex-start" wrap="wrap">
          <Select
            label="What has changed"
            required
            data={providerNoticeKinds.map((kind) => ({ value: kind, label: providerNoticeLabels[kind] }))}
            {...form.getInputProps('kind')}
          />
          <DateField label="From" required {...form.getInputProps('effectiveOn')} />
        </Group>
        <Textarea
          label="Details"
          description={
            form.values.kind === 'new_staff'
              ? 'Their name, role and when they start working with the school’s pupils'
              : form.values.kind === 'filtering_assurance'
                ? 'The system in use, what it filters and monitors, and who checks its reports'
                : 'What changed, who is now responsible, and how to reach them'
          }
          required
          autosize
          minRows={2}
          {...form.getInputProps('details')}
        />
        {namesAPerson(form.values.kind) && (
          <Group align="flex-start" wrap="wrap">
            <TextInput
              label={form.values.kind === 'dsl_change' ? 'Name of the new DSL' : 'Name of the new deputy DSL'}
              description="The provider’s record will show them from now on"
              required
              {...form.getInputProps('newPersonName')}
            />
            <DateField label="DSL training completed on" {...form.getInputProps('newPersonTrainedOn')} />
          </Group>
        )}
        {form.values.kind === 'new_staff' && (
          <Checkbox
            label="Every check in the safeguarding assurance letter is complete for them: enhanced DBS with barred list, identity, prohibition and section 128 where they apply, overseas checks, qualifications, right to work and two references"
            {...form.getInputProps('checksAssured', { type: 'checkbox' })}
          />
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
