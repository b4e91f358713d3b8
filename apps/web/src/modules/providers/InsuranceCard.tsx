import { Button, Card, Group, NumberInput, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { insuranceRules, insuranceTypes } from '@waymark/domain';
import { fieldErrorsOf } from '@waymark/domain/contracts/field-errors';
import { type PolicyRequest, policyBodySchema } from '@waymark/domain/contracts/providers';
import { ApiError } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { HeaderRow } from '../../ui/HeaderRow.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { type Insurance, useInsurance, useRecordPolicy } from './providers.api.ts';

const stateTags: Record<
  Insurance['cover'][number]['state'],
  { tone: 'positive' | 'warning' | 'danger' | 'neutral'; label: string }
> = {
  in_date: { tone: 'positive', label: 'In date' },
  expiring_soon: { tone: 'warning', label: 'Renewal due' },
  expired: { tone: 'danger', label: 'Expired' },
  below_minimum: { tone: 'danger', label: 'Below minimum' },
  missing: { tone: 'danger', label: 'Missing' },
  not_needed: { tone: 'neutral', label: 'If it applies' },
};

/** Each kind of cover against the policy's minimums, and a form to record a certificate's details. */
export function InsuranceCard({ providerId, canEdit }: { providerId: string; canEdit: boolean }) {
  const insurance = useInsurance(providerId);
  const form = useForm({
    initialValues: {
      type: '' as string,
      insurer: '',
      levelPounds: '' as number | string,
      expiresOn: '',
      specialConditions: '',
    },
    validate: (values) => fieldErrorsOf(policyBodySchema, values),
  });
  const record = useRecordPolicy(providerId);
  const recordPolicy = (values: typeof form.values) =>
    // The form's check (the route's own schema) has passed, so the values are the request's shape.
    record.mutate(values as PolicyRequest, {
      onSuccess: () => {
        notifySuccess('Insurance recorded.');
        form.reset();
      },
      onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
    });
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Insurance
      </Title>
      <ErrorAlert error={insurance.error} title="Insurance could not be loaded" />
      {insurance.data && (
        <TableScroll label="Insurance cover" minWidth={560} mb="md">
          <Table>
            <HeaderRow names={['Cover', 'State', 'Details']} />
            <Table.Tbody>
              {insurance.data.cover.map((c) => {
                const current = insurance.data.policies.filter((p) => p.type === c.type).at(-1);
                return (
                  <Table.Tr key={c.type}>
                    <Table.Th scope="row">{c.label}</Table.Th>
                    <Table.Td>
                      <Tag tone={stateTags[c.state]!.tone}>{stateTags[c.state]!.label}</Tag>
                    </Table.Td>
                    <Table.Td>
                      {current ? `${current.insurer}, £${current.levelPounds.toLocaleString('en-GB')}. ` : ''}
                      {c.message}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {canEdit && (
        <form onSubmit={form.onSubmit(recordPolicy)} noValidate>
          <Title order={3} size="h5" mb="xs">
            Record a policy
          </Title>
          {record.error && !(record.error instanceof ApiError && record.error.fields.length) && (
            <ErrorAlert error={record.error} />
          )}
          <Group align="flex-start" wrap="wrap">
            <Select
              label="Kind of cover"
              required
              data={insuranceTypes.map((t) => ({ value: t, label: insuranceRules[t].label }))}
              {...form.getInputProps('type')}
            />
            <TextInput label="Insurer" required {...form.getInputProps('insurer')} />
            <NumberInput
              label="Level of cover (£)"
              required
              min={1}
              thousandSeparator=","
              allowDecimal={false}
              {...form.getInputProps('levelPounds')}
            />
            <DateField label="Expiry date" required {...form.getInputProps('expiresOn')} />
            <TextInput label="Special conditions" {...form.getInputProps('specialConditions')} />
          </Group>
          <Button type="submit" mt="sm" loading={record.isPending}>
            Record policy
          </Button>
          <Text size="sm" c="dimmed" mt="xs">
            Minimums: public liability £5,000,000; employer’s liability £10,000,000; professional negligence
            £2,000,000.
          </Text>
        </form>
      )}
    </Card>
  );
}
