import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { type ProviderNoticeKind, providerNoticeKinds, providerNoticeLabels } from '@waymark/domain';
import { ApiError, api } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import type { ProviderNotice } from './notices.api.ts';

interface Values {
  kind: ProviderNoticeKind | null;
  effectiveOn: string;
  details: string;
}

/** Records a change of DSL, deputy or senior leadership: from the portal, or by school staff who were told. */
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
    initialValues: { kind: null, effectiveOn: '', details: '' },
    validate: {
      kind: (v) => (v ? null : 'Choose what has changed'),
      effectiveOn: (v) => (v ? null : 'Enter the date the change takes effect'),
      details: (v) =>
        v.trim().length >= 3 ? null : 'Say what changed: who left, who took over, and their role',
    },
  });
  const save = useMutation({
    mutationFn: (values: Values) => api<ProviderNotice>('POST', path, values),
    onSuccess: (notice) => {
      form.reset();
      onSaved(notice);
      notifySuccess('The change is recorded. A new safeguarding assurance letter is now due.');
    },
    onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
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
          description="Who has left, who has taken over, their role and how to reach them"
          required
          autosize
          minRows={2}
          {...form.getInputProps('details')}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
