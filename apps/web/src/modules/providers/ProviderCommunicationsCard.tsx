import {
  Anchor,
  Button,
  Card,
  Group,
  List,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type CommunicationKind, communicationKindLabels, communicationKinds } from '@waymark/domain';
import { Link } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';

interface Entry {
  id: string;
  kind: CommunicationKind;
  occurredOn: string;
  withWhom: string;
  summary: string;
  followUp: string;
  recordedByName: string;
  about: { placementId: string; pupilName: string } | null;
}

/** The provider's communications log (policy §13): contact with it, and about its placements you can see. */
export function ProviderCommunicationsCard({
  providerId,
  canRecord,
}: {
  providerId: string;
  canRecord: boolean;
}) {
  const queryClient = useQueryClient();
  const key = ['providers', providerId, 'communications'];
  const log = useQuery({
    queryKey: key,
    queryFn: () => api<{ communications: Entry[] }>('GET', `/api/providers/${providerId}/communications`),
  });
  const form = useForm({
    initialValues: { kind: '', occurredOn: '', withWhom: '', summary: '', followUp: '' },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      api<{ communications: Entry[] }>('POST', `/api/providers/${providerId}/communications`, {
        ...values,
        kind: values.kind || undefined,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      form.reset();
      notifySuccess('Recorded.');
    },
    onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
  });
  const entries = log.data?.communications ?? [];
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Communications log
      </Title>
      <ErrorAlert error={log.error} title="The log could not be loaded" />
      {log.isPending ? (
        <Loading label="Loading" />
      ) : entries.length === 0 ? (
        <Text mb="sm">No contact recorded yet.</Text>
      ) : (
        <List mb="md" spacing="xs">
          {entries.map((c) => (
            <List.Item key={c.id}>
              <Text>
                {c.occurredOn}, {communicationKindLabels[c.kind]} with {c.withWhom}
                {c.about && (
                  <>
                    {' about '}
                    <Anchor component={Link} to={`/placements/${c.about.placementId}`}>
                      {c.about.pupilName}
                    </Anchor>
                  </>
                )}
                : {c.summary}
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
        <form
          onSubmit={form.onSubmit((v) => save.mutate(v))}
          noValidate
          aria-label="Record contact with the provider"
        >
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
