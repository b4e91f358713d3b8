import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { dateInWords } from '@waymark/domain';
import { Link } from 'react-router';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { type Renewal, useRenewals } from './providers.api.ts';

const whenText = (r: Renewal) =>
  r.state === 'expired'
    ? `Expired ${-r.daysLeft} day${r.daysLeft === -1 ? '' : 's'} ago`
    : r.daysLeft === 0
      ? 'Runs out today'
      : `In ${r.daysLeft} day${r.daysLeft === 1 ? '' : 's'}`;

/** Provider evidence that has expired or runs out within 30 days: what to chase this month. */
export function RenewalsCard() {
  const renewals = useRenewals();
  const list = renewals.data?.renewals ?? [];
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Evidence to renew
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Insurance, documents, safeguarding letters and SLAs that have expired or run out in the next 30 days.
        AP leads and headteachers also get this list by email each morning.
      </Text>
      <ErrorAlert error={renewals.error} title="Renewals could not be loaded" />
      {renewals.data &&
        (list.length === 0 ? (
          <Text>Nothing runs out in the next 30 days.</Text>
        ) : (
          <DataTable
            label="Evidence to renew"
            minWidth={560}
            headers={['Provider', 'Evidence', 'Expires', 'When']}
            rows={list}
            row={(r) => (
              <Table.Tr key={`${r.providerId}-${r.item}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/providers/${r.providerId}`}>
                    {r.providerName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.item}</Table.Td>
                <Table.Td>{dateInWords(r.expiresOn)}</Table.Td>
                <Table.Td>
                  <Tag tone={r.state === 'expired' ? 'danger' : 'warning'}>{whenText(r)}</Tag>
                </Table.Td>
              </Table.Tr>
            )}
          />
        ))}
    </Card>
  );
}
