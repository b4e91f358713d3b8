import { Anchor, Card, List, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { londonDateTime, useIncidents } from './incidents.api.ts';

/** On the home page: concerns and incidents still awaiting triage that you can read, oldest first. */
export function IncidentsToActCard() {
  const open = useIncidents('open');
  const waiting = (open.data?.incidents ?? [])
    .filter((i) => i.status === 'reported' && !i.restricted)
    .reverse();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Concerns and incidents awaiting triage
      </Title>
      <ErrorAlert error={open.error} title="Concerns could not be loaded" />
      {open.isPending ? (
        <Loading label="Loading" />
      ) : waiting.length === 0 ? (
        <Text>Nothing is waiting for triage.</Text>
      ) : (
        <List spacing="xs">
          {waiting.map((i) => (
            <List.Item key={i.id}>
              <Anchor component={Link} to={`/incidents/${i.id}`}>
                {i.kindLabel}: {i.pupilName}
              </Anchor>{' '}
              at {i.providerName}, {londonDateTime(i.occurredAt)}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
