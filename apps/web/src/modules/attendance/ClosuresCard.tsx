import { Button, Card, Group, List, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { dateInWords } from '@waymark/domain';
import { ApiError } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { useClosures } from './attendance.api.ts';

/** Provider portal: days the provider is closed, so no register is expected (or chased) then. */
export function ClosuresCard() {
  const { closures, record: save } = useClosures();
  const form = useForm({ initialValues: { date: '', note: '' } });
  const record = (values: typeof form.values) =>
    save.mutate(values, {
      onSuccess: () => {
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
              {dateInWords(c.date)}: {c.note}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text mb="sm">None coming up.</Text>
      )}
      <form onSubmit={form.onSubmit(record)} noValidate>
        <Group align="flex-end" wrap="wrap">
          <DateField label="Closed on" {...form.getInputProps('date')} />
          <TextInput label="Why" {...form.getInputProps('note')} />
          <Button type="submit" variant="outline" loading={save.isPending}>
            Record closure
          </Button>
        </Group>
      </form>
    </Card>
  );
}
