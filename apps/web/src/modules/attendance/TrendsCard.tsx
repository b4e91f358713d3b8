import { Box, Card, Stack, Table, Text, Title } from '@mantine/core';
import { dateInWords } from '@waymark/domain';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useProviderTrends } from './attendance.api.ts';

/**
 * Each provider's attendance week by week: a bar per week, drawn inside a table so that the figures
 * are there for screen readers and for anyone who prefers numbers to bars.
 */
export function TrendsCard({ from, to }: { from: string; to: string }) {
  const trends = useProviderTrends(from, to);
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Provider attendance by week
      </Title>
      <ErrorAlert error={trends.error} title="Trends could not be loaded" />
      {trends.data?.providers.length === 0 && <Text>No marks in this period.</Text>}
      <Stack>
        {trends.data?.providers.map((p) => (
          <div key={p.providerId}>
            <Title order={3} size="h5" mb={4}>
              {p.providerName}
            </Title>
            <TableScroll label={`${p.providerName}: attendance by week`} minWidth={360}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Week of</Table.Th>
                    <Table.Th scope="col">Attendance</Table.Th>
                    <Table.Th scope="col" w="50%">
                      <span className="visually-hidden">Bar</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.weeks.map((w) => (
                    <Table.Tr key={w.weekStarting}>
                      <Table.Td>{dateInWords(w.weekStarting, { weekday: true })}</Table.Td>
                      <Table.Td>
                        {w.attendancePercent ?? '—'}% of {w.possible}
                      </Table.Td>
                      <Table.Td>
                        <Box
                          aria-hidden="true"
                          h={12}
                          w={`${w.attendancePercent ?? 0}%`}
                          bg={(w.attendancePercent ?? 0) >= 90 ? '#1e6b30' : '#a4460a'}
                          style={{ borderRadius: 2 }}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </div>
        ))}
      </Stack>
    </Card>
  );
}
