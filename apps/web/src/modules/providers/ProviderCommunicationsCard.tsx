import { Anchor, Card, List, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { communicationKindLabels, dateInWords } from '@waymark/domain';
import { Link } from 'react-router';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { CommunicationForm } from '../placements/CommunicationForm.tsx';
import { type ProviderCommunication, useProviderCommunications } from './providers.api.ts';

/** The provider's communications log (policy §13): contact with it, and about its placements you can see. */
export function ProviderCommunicationsCard({
  providerId,
  canRecord,
}: {
  providerId: string;
  canRecord: boolean;
}) {
  const queryClient = useQueryClient();
  const key = ['providers', providerId, 'communications'];
  const log = useProviderCommunications(providerId);
  const entries = log.data?.communications ?? [];
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Communications log
      </Title>
      <ErrorAlert error={log.error} title="The log could not be loaded" />
      {log.isPending ? (
        <Loading label="Loading" />
      ) : entries.length === 0 ? (
        <Text mb="sm">No contact recorded yet.</Text>
      ) : (
        <List mb="md" spacing="xs">
          {entries.map((c) => (
            <List.Item key={c.id}>
              <Text>
                {dateInWords(c.occurredOn)}, {communicationKindLabels[c.kind]} with {c.withWhom}
                {c.about && (
                  <>
                    {' about '}
                    <Anchor component={Link} to={`/placements/${c.about.placementId}`}>
                      {c.about.pupilName}
                    </Anchor>
                  </>
                )}
                : {c.summary}
                {c.followUp ? ` Next: ${c.followUp}` : ''}
              </Text>
              <Text size="sm" c="dimmed">
                Recorded by {c.recordedByName}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {canRecord && (
        <CommunicationForm<{ communications: ProviderCommunication[] }>
          path={`/api/providers/${providerId}/communications`}
          label="Record contact with the provider"
          onSaved={(saved) => queryClient.setQueryData(key, saved)}
        />
      )}
    </Card>
  );
}
