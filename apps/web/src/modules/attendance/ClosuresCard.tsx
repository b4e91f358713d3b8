import { Button, Card, Group, List, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';

interface Closure {
  id: string;
  date: string;
  note: string;
}

/** Provider portal: days the provider is closed, so no register is expected (or chased) then. */
export function ClosuresCard() {
  const queryClient = useQueryClient();
  const closures = useQuery({
    queryKey: ['portal', 'closures'],
    queryFn: () => api<{ closures: Closure[] }>('GET', '/api/portal/closures'),
  });
  const form = useForm({ initialValues: { date: '', note: '' } });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      api<{ closures: Closure[] }>('POST', '/api/portal/closures', values),
    onSuccess: (result) => {
      queryClient.setQueryData(['portal', 'closures'], result);
      queryClient.invalidateQueries({ queryKey: ['portal', 'register'] });
      form.reset();
      notifySuccess('Closure recorded.');
    },
    onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
  });
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">
        Days you are closed
      </Title>
      <ErrorAlert error={closures.error} title="Closures could not be loaded" />
      {closures.data?.closures.length ? (
        <List mb="sm">
          {closures.data.closures.map((c) => (
            <List.Item key={c.id}>
              {c.date}: {c.note}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text mb="sm">None coming up.</Text>
      )}
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Group align="flex-end" wrap="wrap">
          <TextInput label="Closed on" type="date" {...form.getInputProps('date')} />
          <TextInput label="Why" {...form.getInputProps('note')} />
          <Button type="submit" variant="outline" loading={save.isPending}>
            Record closure
          </Button>
        </Group>
      </form>
    </Card>
  );
}
