import { Button, Card, Group, NumberInput, Table, Text, Title } from '@mantine/core';
import { pounds } from '@waymark/domain';
import { useState } from 'react';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { HeaderRow } from '../../ui/HeaderRow.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { can, useCurrentSession } from '../auth/session.ts';
import { useBudgets } from './reports.api.ts';

/** Each school's AP budget for the year (those the report covers) against spend so far and the forecast. */
export function BudgetsCard({
  academicYear,
  scope,
  id,
}: {
  academicYear: string;
  /** The schools of the report's choice: one school, a region or the group. */
  scope: string;
  id: string;
}) {
  const session = useCurrentSession();
  const { list, save } = useBudgets(academicYear, scope, id);
  const [amounts, setAmounts] = useState<Record<string, number | string>>({});
  const canSet = can(session, 'budgets.manage');
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        AP budget {academicYear}
      </Title>
      <Text size="sm" mb="sm">
        Spend and forecast come from each placement's cost and its timetabled sessions in the year.
      </Text>
      <ErrorAlert error={list.error ?? save.error} />
      {list.isPending ? (
        <Loading label="Loading budgets" />
      ) : (
        <TableScroll label="AP budget by school" minWidth={640}>
          <Table striped>
            <HeaderRow
              names={['School', 'Budget', 'Spent so far', 'Forecast to year end', 'Left after forecast']}
            />
            <Table.Tbody>
              {(list.data?.budgets ?? []).map((b) => (
                <Table.Tr key={b.schoolId}>
                  <Table.Td>{b.schoolName}</Table.Td>
                  <Table.Td>
                    {canSet ? (
                      <Group gap="xs" wrap="nowrap">
                        <NumberInput
                          aria-label={`Budget for ${b.schoolName} in pounds`}
                          prefix="£"
                          min={0}
                          w={130}
                          value={amounts[b.schoolId] ?? (b.budgetPence === null ? '' : b.budgetPence / 100)}
                          onChange={(v) => setAmounts({ ...amounts, [b.schoolId]: v })}
                        />
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() =>
                            save.mutate({
                              schoolId: b.schoolId,
                              amountPounds: Number(amounts[b.schoolId] ?? 0),
                            })
                          }
                        >
                          Set
                        </Button>
                      </Group>
                    ) : b.budgetPence === null ? (
                      'Not set'
                    ) : (
                      pounds(b.budgetPence)
                    )}
                  </Table.Td>
                  <Table.Td>{pounds(b.spentToDatePence)}</Table.Td>
                  <Table.Td>{pounds(b.forecastPence)}</Table.Td>
                  <Table.Td>{b.remainingPence === null ? '—' : pounds(b.remainingPence)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Card>
  );
}
