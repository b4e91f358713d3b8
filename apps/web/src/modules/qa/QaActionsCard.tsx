import { Button, Card, Checkbox, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { dateInWords } from '@waymark/domain';
import { ApiError } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { can, useCurrentSession } from '../auth/session.ts';
import { type QaVisit, useQaActions } from './qa.api.ts';

/** Actions agreed with the provider: those still open from earlier visits are carried here until done. */
export function QaActionsCard({ visit }: { visit: QaVisit }) {
  const session = useCurrentSession();
  const canManage = can(session, 'qa.manage');
  const form = useForm({ initialValues: { action: '', owner: '', dueOn: '' } });
  const { add, done } = useQaActions(visit.id);
  const agree = (values: typeof form.values) =>
    add.mutate(values, {
      onSuccess: () => {
        form.reset();
        notifySuccess('Action agreed.');
      },
      onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
    });
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Actions agreed with the provider
      </Title>
      <ErrorAlert error={done.error} />
      {visit.actions.length === 0 ? (
        <Text mb="sm">No actions.</Text>
      ) : (
        <Stack gap="xs" mb="md">
          {visit.actions.map((a) =>
            a.doneOn || !canManage ? (
              <Text key={a.id}>
                {a.action}: {a.owner}, by {dateInWords(a.dueOn)}
                {a.doneOn ? ` (done ${dateInWords(a.doneOn)} by ${a.doneByName})` : ''}
                {a.carried ? ' (from an earlier visit)' : ''}
              </Text>
            ) : (
              <Checkbox
                key={a.id}
                label={`Done: ${a.action} (${a.owner}, by ${dateInWords(a.dueOn)}${a.carried ? ', from an earlier visit' : ''})`}
                checked={false}
                disabled={done.isPending}
                onChange={() => done.mutate(a.id)}
              />
            ),
          )}
        </Stack>
      )}
      {canManage && (
        <form onSubmit={form.onSubmit(agree)} noValidate aria-label="Agree an action">
          <Stack gap="sm">
            {add.error && !(add.error instanceof ApiError && add.error.fields.length) && (
              <ErrorAlert error={add.error} />
            )}
            <TextInput label="Action" required {...form.getInputProps('action')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label="Owner" required {...form.getInputProps('owner')} />
              <DateField label="Due by" required {...form.getInputProps('dueOn')} />
            </SimpleGrid>
            <Group>
              <Button type="submit" variant="outline" loading={add.isPending}>
                Agree the action
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
