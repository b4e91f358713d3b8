import { Alert, Button, Card, Code, Group, List, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { useChainCheck } from './audit-log.api.ts';

/**
 * Administrators check the audit log's hash chain: every event since the first is linked to the one
 * before it, so a change, removal or insertion anywhere shows here.
 */
export function ChainCheckCard() {
  const check = useChainCheck();
  const result = check.data;
  return (
    <Card withBorder padding="lg" mb="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            Is the audit log intact?
          </Title>
          <Button onClick={() => check.mutate()} loading={check.isPending}>
            Check the audit log
          </Button>
        </Group>
        <Text size="sm">
          Each event is sealed into a chain with a hash of the event before it, within seconds of being
          written. The check recomputes every link and reports any event changed, removed or added since.
        </Text>
        <ErrorAlert error={check.error} title="The check could not be run" />
        {result && (
          <Alert
            color={result.intact ? 'blue' : 'red'}
            title={result.intact ? 'Intact' : 'Not intact'}
            role="status"
          >
            <Text size="sm">
              {result.intact
                ? `All ${result.checked.toLocaleString('en-GB')} events check out.`
                : `${result.breaks.length} problems found in ${result.checked.toLocaleString('en-GB')} events:`}
            </Text>
            {!result.intact && (
              <List size="sm">
                {result.breaks.map((b) => (
                  <List.Item key={`${b.problem} ${b.chainSeq}`}>{b.detail}</List.Item>
                ))}
              </List>
            )}
            {result.head && (
              <Text size="sm" mt="xs">
                Last link (event {result.head.seq}): <Code>{result.head.hash}</Code>. Noting it elsewhere lets
                you show later that nothing before it changed.
              </Text>
            )}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
