import { Card, Table, Text, Title } from '@mantine/core';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useVoiceTrends } from './voice.api.ts';

/** What pupils and parents say about the provider, half-term by half-term (1 very bad to 5 very good). */
export function VoiceTrendsCard({ providerId }: { providerId: string }) {
  const trends = useVoiceTrends(providerId);
  const halfTerms = trends.data?.halfTerms ?? [];
  const questions = halfTerms[0] ? [...halfTerms[0].pupil, ...halfTerms[0].parent] : [];
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        What pupils and parents say
      </Title>
      <ErrorAlert error={trends.error} />
      {trends.isPending ? (
        <Loading label="Loading" />
      ) : halfTerms.length === 0 ? (
        <Text>No answers yet.</Text>
      ) : (
        <TableScroll label="Average answers by half-term" minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Question (average, 1 very bad to 5 very good)</Table.Th>
                {halfTerms.map((h) => (
                  <Table.Th key={h.halfTerm}>{h.halfTerm}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {questions.map((q) => (
                <Table.Tr key={q.questionId}>
                  <Table.Td>{q.text}</Table.Td>
                  {halfTerms.map((h) => {
                    const score = [...h.pupil, ...h.parent].find((s) => s.questionId === q.questionId);
                    return (
                      <Table.Td key={h.halfTerm}>
                        {score?.average ?? '–'} {score?.responses ? `(${score.responses})` : ''}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Card>
  );
}
