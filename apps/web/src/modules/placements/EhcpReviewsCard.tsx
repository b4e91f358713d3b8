import { Anchor, Card, List, Text, Title } from '@mantine/core';
import { dateInWords } from '@waymark/domain';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { useEhcpReviewTasks } from './placements.api.ts';

/** On the home page: EHCP reviews the AP lead arranges after a material change to provision. */
export function EhcpReviewsCard() {
  const tasks = useEhcpReviewTasks();
  if (!tasks.data?.tasks.length && !tasks.error) return null;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        EHCP reviews to arrange
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A review or a timetable change altered the provision for these pupils with an EHCP. With the SENCo,
        ask the local authority for an EHCP review, then record it on the placement.
      </Text>
      <ErrorAlert error={tasks.error} title="EHCP reviews could not be loaded" />
      <List>
        {tasks.data?.tasks.map((t) => (
          <List.Item key={t.flagId}>
            <Anchor component={Link} to={`/placements/${t.placementId}`}>
              {t.pupilName} at {t.providerName}
            </Anchor>{' '}
            — {t.why}
            {t.flaggedOn ? ` (flagged ${dateInWords(t.flaggedOn)})` : ''}
            {t.localAuthority ? `; EHCP maintained by ${t.localAuthority}` : ''}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
