import { Button, Card, Group, List, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { dateInWords } from '@waymark/domain';
import { ApiError } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { usePupilDocuments } from '../pupils/pupils.api.ts';
import { type Placement, usePlacementChange } from './placements.api.ts';

/** What the school has shared with the provider (policy §6.1). The provider sees these and nothing else. */
export function SharingCard({ placement, canShare }: { placement: Placement; canShare: boolean }) {
  const documents = usePupilDocuments(placement.pupil.id);
  const form = useForm({ initialValues: { what: '', method: '', sharedOn: '', documentId: '' } });
  const share = usePlacementChange<object>(placement.id, 'POST', 'shares', {
    onSaved: () => {
      form.reset();
      notifySuccess('Recorded. The provider can see it in the portal.');
    },
    onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
  });
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Shared with the provider
      </Title>
      {placement.shared.length === 0 ? (
        <Text mb="sm">Nothing recorded as shared yet.</Text>
      ) : (
        <List mb="md">
          {placement.shared.map((s) => (
            <List.Item key={s.id}>
              {dateInWords(s.sharedOn)}: {s.what} ({s.method}, by {s.sharedByName})
              {s.document ? `; document “${s.document.title}”` : ''}
            </List.Item>
          ))}
        </List>
      )}
      {canShare && (
        <form
          onSubmit={form.onSubmit((v) => share.mutate({ ...v, documentId: v.documentId || null }))}
          noValidate
        >
          <Stack gap="sm">
            {share.error && !(share.error instanceof ApiError && share.error.fields.length) && (
              <ErrorAlert error={share.error} />
            )}
            <Group align="flex-start" wrap="wrap">
              <TextInput label="What was shared" required {...form.getInputProps('what')} />
              <TextInput
                label="How it was shared"
                description="e.g. secure email"
                required
                {...form.getInputProps('method')}
              />
              <DateField label="Shared on" required {...form.getInputProps('sharedOn')} />
              <Select
                label="Document (the provider can download it)"
                clearable
                data={(documents.data?.documents ?? []).map((d) => ({
                  value: d.id,
                  label: `${d.title} (version ${d.version})`,
                }))}
                {...form.getInputProps('documentId')}
              />
            </Group>
            <Group>
              <Button type="submit" variant="outline" loading={share.isPending}>
                Record sharing
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
