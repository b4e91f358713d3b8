import { Button, Checkbox, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import {
  noticesThatMakeALetterDue,
  noticesThatNameAPerson,
  type ProviderNoticeKind,
  providerNoticeKinds,
  providerNoticeLabels,
} from '@waymark/domain';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import type { ProviderNotice } from './notices.api.ts';

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

/** Records a change the provider undertook to tell the school about: from the portal, or by school staff who were told. */
export function NoticeForm({
  path,
  submitLabel,
  onSaved,
}: {
  path: string;
  submitLabel: string;
  onSaved: (notice: ProviderNotice) => void;
}) {
  const form = useForm<Values>({
    initialValues: {
      kind: null,
      effectiveOn: '',
      details: '',
      checksAssured: false,
      newPersonName: '',
      newPersonTrainedOn: '',
    },
    validate: {
      kind: (v) => (v ? null : 'Choose what has changed'),
      effectiveOn: (v) => (v ? null : 'Enter the date the change takes effect'),
      details: (v) =>
        v.trim().length >= 3 ? null : 'Say what changed: who left, who took over, and their role',
      newPersonName: (v, values) =>
        !namesAPerson(values.kind) || v.trim()
          ? null
          : 'Enter the new lead’s name: the provider’s record will show them',
      checksAssured: (v, values) =>
        values.kind !== 'new_staff' || v
          ? null
          : 'Confirm that every check is complete. Until it is, they must not work with the school’s pupils',
    },
  });
  const save = useMutation({
    mutationFn: ({ checksAssured, newPersonName, newPersonTrainedOn, ...values }: Values) =>
      api<ProviderNotice>('POST', path, {
        ...values,
        ...(values.kind === 'new_staff' ? { checksAssured } : {}),
        ...(namesAPerson(values.kind)
          ? { newPerson: { name: newPersonName, trainedOn: newPersonTrainedOn || null } }
          : {}),
      }),
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
      if (!(error instanceof ApiError)) return;
      const fields = error.fieldErrors();
      form.setErrors({
        ...fields,
        ...(fields['newPerson.name'] ? { newPersonName: fields['newPerson.name'] } : {}),
      });
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
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
          <TextInput label="From" type="date" required {...form.getInputProps('effectiveOn')} />
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
            <TextInput
              label="DSL training completed on"
              type="date"
              {...form.getInputProps('newPersonTrainedOn')}
            />
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
