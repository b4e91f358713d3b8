import { Anchor, Card, List, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';

interface Task {
  placementId: string;
  reviewId: string;
  pupilName: string;
  providerName: string;
  localAuthority: string | null;
  flaggedOn: string | null;
  halfTerm: string;
}

/** On the home page: EHCP reviews the SENCo must arrange after a material change to provision. */
export function EhcpReviewsCard() {
  const tasks = useQuery({
    queryKey: ['placements', 'ehcp-reviews'],
    queryFn: () => api<{ tasks: Task[] }>('GET', '/api/placements/ehcp-reviews'),
  });
  if (!tasks.data?.tasks.length && !tasks.error) return null;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        EHCP reviews to arrange
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A placement review changed the provision materially for these pupils with an EHCP. The SENCo should
        ask the local authority for a review, then record it on the placement.
      </Text>
      <ErrorAlert error={tasks.error} title="EHCP reviews could not be loaded" />
      <List>
        {tasks.data?.tasks.map((t) => (
          <List.Item key={t.reviewId}>
            <Anchor component={Link} to={`/placements/${t.placementId}`}>
              {t.pupilName} at {t.providerName}
            </Anchor>{' '}
            — flagged at the {t.halfTerm} review{t.flaggedOn ? ` on ${t.flaggedOn}` : ''}
            {t.localAuthority ? `; EHCP maintained by ${t.localAuthority}` : ''}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
