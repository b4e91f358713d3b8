import {
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { dateInWords, destinationOutcomeLabels, monthActivityLabels } from '@waymark/domain';
import { ApiError } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { outcomeLabels, type Placement, usePlacementChange } from './placements.api.ts';

/** Each ending step changes the lists too (a placement ends, a destination fills the report). */
const useSave = (placement: Placement, method: 'POST' | 'PUT', path: string, done: string) =>
  usePlacementChange<unknown>(placement.id, method, path, {
    refresh: [['placements']],
    onSaved: () => notifySuccess(done),
  });

export function LocalAuthorityCard({ placement, canEdit }: { placement: Placement; canEdit: boolean }) {
  const form = useForm({ initialValues: { on: '', how: '' } });
  const save = useSave(placement, 'POST', 'local-authority', 'Recorded.');
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Local authority informed
      </Title>
      <Text mb="sm">
        {placement.laInformedOn
          ? `Told on ${dateInWords(placement.laInformedOn)}: ${placement.laInformedHow}.`
          : 'Not recorded yet: the local authority must be told of every placement.'}
      </Text>
      {canEdit && !placement.laInformedOn && (
        <form
          onSubmit={form.onSubmit((v) =>
            save.mutate(v, { onError: (e) => e instanceof ApiError && form.setErrors(e.fieldErrors()) }),
          )}
          noValidate
        >
          <Group align="flex-end" wrap="wrap">
            <DateField label="Date told" {...form.getInputProps('on')} />
            <TextInput
              label="How they were told"
              description="e.g. email to the AP team"
              {...form.getInputProps('how')}
            />
            <Button type="submit" variant="outline" loading={save.isPending}>
              Record
            </Button>
          </Group>
        </form>
      )}
    </Card>
  );
}

export function EndCard({ placement }: { placement: Placement }) {
  const form = useForm({ initialValues: { endedOn: '', reason: '', outcome: '' } });
  const save = useSave(placement, 'POST', 'end', 'Placement ended.');
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        End the placement
      </Title>
      <form
        onSubmit={form.onSubmit((v) =>
          save.mutate(
            { ...v, outcome: v.outcome || undefined },
            { onError: (e) => e instanceof ApiError && form.setErrors(e.fieldErrors()) },
          ),
        )}
        noValidate
      >
        <Stack gap="sm">
          {save.error && !(save.error instanceof ApiError && save.error.fields.length) && (
            <ErrorAlert error={save.error} />
          )}
          <Group align="flex-start" wrap="wrap">
            <DateField label="Last day" required {...form.getInputProps('endedOn')} />
            <Select
              label="Outcome"
              required
              data={Object.entries(outcomeLabels).map(([value, label]) => ({ value, label }))}
              {...form.getInputProps('outcome')}
            />
          </Group>
          <Textarea label="Why it ended" required autosize minRows={1} {...form.getInputProps('reason')} />
          <Group>
            <Button type="submit" variant="outline" loading={save.isPending}>
              End placement
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** October to March of the destination year: the months the DfE's six-month measure looks at. */
function monthsOf(yearStarts: number) {
  return ['10', '11', '12', '01', '02', '03'].map(
    (m) => `${m === '10' || m === '11' || m === '12' ? yearStarts : yearStarts + 1}-${m}`,
  );
}

export function DestinationCard({ placement, canEdit }: { placement: Placement; canEdit: boolean }) {
  const endedYear = Number((placement.endedOn ?? '2026-07-01').slice(0, 4));
  const yearStarts = placement.destination?.destinationYearStarts ?? endedYear;
  const form = useForm({
    initialValues: {
      description: placement.destination?.description ?? '',
      months: Object.fromEntries(
        monthsOf(yearStarts).map((m) => [m, placement.destination?.months[m] ?? '']),
      ) as Record<string, string>,
    },
  });
  const save = useSave(placement, 'PUT', 'destination', 'Destination recorded.');
  const d = placement.destination;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Destination
      </Title>
      <Text mb="sm">
        {d
          ? d.outcome
            ? destinationOutcomeLabels[d.outcome]
            : 'Not known yet: the measure needs October to March'
          : 'Not recorded yet.'}
        {d?.description ? ` — ${d.description}` : ''}
      </Text>
      {canEdit && (
        <form
          onSubmit={form.onSubmit((v) =>
            save.mutate({
              destinationYearStarts: yearStarts,
              description: v.description,
              months: Object.fromEntries(Object.entries(v.months).filter(([, a]) => a)),
            }),
          )}
          noValidate
        >
          <Stack gap="sm">
            {save.error && <ErrorAlert error={save.error} />}
            <TextInput
              label="Where they went"
              description="e.g. Level 1 motor vehicle, Riverside College"
              {...form.getInputProps('description')}
            />
            <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
              {monthsOf(yearStarts).map((m) => (
                <Select
                  key={m}
                  label={new Date(`${m}-01T12:00:00Z`).toLocaleDateString('en-GB', {
                    month: 'long',
                    year: 'numeric',
                  })}
                  clearable
                  data={Object.entries(monthActivityLabels).map(([value, label]) => ({ value, label }))}
                  {...form.getInputProps(`months.${m}`)}
                />
              ))}
            </SimpleGrid>
            <Group>
              <Button type="submit" variant="outline" loading={save.isPending}>
                Record destination
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
