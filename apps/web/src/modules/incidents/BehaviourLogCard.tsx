import { Card, List, Text, Title } from '@mantine/core';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { londonDateTime, useBehaviourLog } from './incidents.api.ts';

/** The placement's behaviour log from provider reports, for reviews and the attendance/behaviour review. */
export function BehaviourLogCard({ placementId }: { placementId: string }) {
  const log = useBehaviourLog(placementId);
  const entries = log.data?.entries ?? [];
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Behaviour log
      </Title>
      <ErrorAlert error={log.error} title="The behaviour log could not be loaded" />
      {log.isPending ? (
        <Loading label="Loading" />
      ) : entries.length === 0 ? (
        <Text>No behaviour incidents or restraints reported.</Text>
      ) : (
        <>
          <Text mb="xs">
            {entries.length} reported, {entries.filter((e) => e.kind === 'restraint').length} of them
            restraint.
          </Text>
          <List spacing="xs">
            {entries.map((e) => (
              <List.Item key={e.id}>
                <Text>
                  {londonDateTime(e.occurredAt)}, {e.kindLabel} ({e.location}): {e.whatHappened}
                </Text>
                <Text size="sm" c="dimmed">
                  Done straight away: {e.immediateActions}
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Card>
  );
}
