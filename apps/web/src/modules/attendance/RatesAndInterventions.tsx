import { Anchor, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { dateInWords } from '@waymark/domain';
import { Link } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { ExportLinks } from '../../ui/ExportLinks.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { Tag } from '../../ui/Tag.tsx';
import {
  type InterventionBody,
  type OpenIntervention,
  useAttendanceRates,
  useOpenInterventions,
  useUpdateIntervention,
} from './attendance.api.ts';

type Intervention = OpenIntervention;

/** Attendance this academic year so far, lowest first, with the DfE absence flags and targets. */
export function RatesCard({ from, to }: { from: string; to: string }) {
  const rates = useAttendanceRates(from, to);
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Attendance from {from} to {to}
      </Title>
      <ExportLinks list="attendance" query={`?from=${from}&to=${to}`} label="attendance by placement" />
      <ErrorAlert error={rates.error} title="Rates could not be loaded" />
      {rates.data?.rates.length === 0 ? (
        <Text>No marks in this period.</Text>
      ) : (
        <DataTable
          label="Attendance by placement"
          minWidth={560}
          striped
          headers={['Placement', 'Sessions', 'Attendance', 'Flags']}
          rows={rates.data?.rates ?? []}
          row={(r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/placements/${r.id}`}>
                  {r.label}
                </Anchor>
              </Table.Td>
              <Table.Td>{r.possible}</Table.Td>
              <Table.Td>
                {r.attendancePercent ?? '—'}%{r.targetPercent !== null ? ` (target ${r.targetPercent}%)` : ''}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {r.severeAbsence ? (
                    <Tag tone="danger">Severe absence</Tag>
                  ) : (
                    r.persistentAbsence && <Tag tone="warning">Persistent absence</Tag>
                  )}
                  {r.belowTarget && <Tag tone="warning">Below target</Tag>}
                </Group>
              </Table.Td>
            </Table.Tr>
          )}
        />
      )}
    </Card>
  );
}

export function InterventionsCard({ canAct }: { canAct: boolean }) {
  const interventions = useOpenInterventions();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Attendance interventions
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Opened by Waymark when a placement’s attendance falls below its target.
      </Text>
      <ErrorAlert error={interventions.error} title="Interventions could not be loaded" />
      {interventions.data?.interventions.length === 0 ? (
        <Text>None open.</Text>
      ) : (
        <Stack>
          {interventions.data?.interventions.map((i) => (
            <InterventionItem key={i.id} intervention={i} canAct={canAct} />
          ))}
        </Stack>
      )}
    </Card>
  );
}

function InterventionItem({ intervention: i, canAct }: { intervention: Intervention; canAct: boolean }) {
  const plan = useForm({
    initialValues: { action: i.action ?? '', owner: i.owner ?? '', reviewOn: i.reviewOn ?? '' },
  });
  const close = useForm({ initialValues: { outcome: '' } });
  const save = useUpdateIntervention(i.id);
  const submit = (body: InterventionBody) => save.mutate(body, { onSuccess: () => notifySuccess('Saved.') });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  return (
    <Card withBorder padding="sm">
      <Text fw={600}>
        {i.pupilName} at {i.providerName}: {i.attendancePercentAtOpening}% against a {i.targetPercent}% target
        (opened {dateInWords(i.openedOn)})
      </Text>
      {canAct && (
        <Stack gap="xs" mt="xs">
          <form onSubmit={plan.onSubmit(submit)} noValidate>
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label="Action"
                value={plan.values.action}
                error={errors.action}
                onChange={(e) => plan.setFieldValue('action', e.currentTarget.value)}
              />
              <TextInput
                label="Owner"
                value={plan.values.owner}
                error={errors.owner}
                onChange={(e) => plan.setFieldValue('owner', e.currentTarget.value)}
              />
              <DateField
                label="Review on"
                value={plan.values.reviewOn}
                error={errors.reviewOn}
                onChange={(value) => plan.setFieldValue('reviewOn', value)}
              />
              <Button type="submit" variant="outline" size="sm">
                Save plan
              </Button>
            </Group>
          </form>
          <form onSubmit={close.onSubmit(submit)} noValidate>
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label="How it ended"
                value={close.values.outcome}
                error={errors.outcome}
                onChange={(e) => close.setFieldValue('outcome', e.currentTarget.value)}
              />
              <Button type="submit" variant="outline" size="sm">
                Close intervention
              </Button>
            </Group>
          </form>
        </Stack>
      )}
    </Card>
  );
}
