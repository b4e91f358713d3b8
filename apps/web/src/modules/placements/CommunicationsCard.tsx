import { Card, List, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { communicationKindLabels, dateInWords } from '@waymark/domain';
import { CommunicationForm } from './CommunicationForm.tsx';
import { type Placement, placementKey } from './placements.api.ts';

/** The record of contact about the placement (policy §13): who, when, what, and what happens next. */
export function CommunicationsCard({ placement, canRecord }: { placement: Placement; canRecord: boolean }) {
  const queryClient = useQueryClient();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Communications
      </Title>
      {placement.communications.length === 0 ? (
        <Text mb="sm">No contact recorded yet.</Text>
      ) : (
        <List mb="md" spacing="xs">
          {placement.communications.map((c) => (
            <List.Item key={c.id}>
              <Text>
                {dateInWords(c.occurredOn)}, {communicationKindLabels[c.kind]} with {c.withWhom}: {c.summary}
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
        <CommunicationForm<Placement>
          path={`/api/placements/${placement.id}/communications`}
          label="Record contact about the placement"
          onSaved={(saved) => queryClient.setQueryData(placementKey(placement.id), saved)}
        />
      )}
    </Card>
  );
}
