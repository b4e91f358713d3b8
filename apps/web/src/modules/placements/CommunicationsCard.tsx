import { Button, Card, Group, List, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { communicationKindLabels, communicationKinds } from '@waymark/domain';
import { ApiError, api } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { type Placement, placementKey } from './placements.api.ts';

/** The record of contact about the placement (policy §13): who, when, what, and what happens next. */
export function CommunicationsCard({ placement, canRecord }: { placement: Placement; canRecord: boolean }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { kind: '', occurredOn: '', withWhom: '', summary: '', followUp: '' },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      api<Placement>('POST', `/api/placements/${placement.id}/communications`, {
        ...values,
        kind: values.kind || undefined,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(placementKey(placement.id), saved);
      form.reset();
      notifySuccess('Recorded.');
    },
    onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
  });
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Communications
      </Title>
      {placement.communications.length === 0 ? (
        <Text mb="sm">No contact recorded yet.</Text>
      ) : (
        <List mb="md" spacing="xs">
          {placement.communications.map((c) => (
            <List.Item key={c.id}>
              <Text>
                {c.occurredOn}, {communicationKindLabels[c.kind]} with {c.withWhom}: {c.summary}
                {c.followUp ? ` Next: ${c.followUp}` : ''}
              </Text>
              <Text size="sm" c="dimmed">
                Recorded by {c.recordedByName}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {canRecord && (
        <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
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
              <TextInput label="When" type="date" required {...form.getInputProps('occurredOn')} />
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
      )}
    </Card>
  );
}
