import { Anchor, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { dateInWords, warningFamilies, warningKinds } from '@waymark/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { Tag } from '../../ui/Tag.tsx';
import { can, useCurrentSession } from '../auth/session.ts';
import { type EarlyWarning, useAcknowledgeWarning, useWarnings } from './warnings.api.ts';

/** A group's card can hold hundreds; the first ones (worst first within each kind) open the page. */
const SHOWN_AT_FIRST = 25;

/**
 * Trouble seen before it happens: each warning in plain words with a link to act, acknowledged with a
 * note so it does not nag until it gets worse. On the home board for everything in reach, and on a
 * placement for that placement (and its provider).
 */
export function EarlyWarningsCard({ placementId }: { placementId?: string }) {
  const session = useCurrentSession();
  const [showAll, setShowAll] = useState(false);
  const warnings = useWarnings(placementId);
  if (warnings.isPending) return <Loading label="Loading early warnings" />;
  if (warnings.error) return <ErrorAlert error={warnings.error} title="Early warnings could not be loaded" />;
  const { active, acknowledged } = warnings.data;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="early-warnings">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h3" id="early-warnings">
          Early warnings
        </Title>
        <Group gap="xs">
          <Tag tone={active.length ? 'warning' : 'positive'}>{active.length} to look at</Tag>
          {can(session, 'warnings.configure') && (
            <Anchor component={Link} to="/warnings/settings" size="sm">
              Thresholds
            </Anchor>
          )}
        </Group>
      </Group>
      {active.length === 0 && (
        <Text mb="sm">
          {placementId ? 'Nothing in this placement’s records' : 'Nothing in the records you look after'}{' '}
          points to trouble ahead.
        </Text>
      )}
      <Stack gap="md">
        {(showAll ? active : active.slice(0, SHOWN_AT_FIRST)).map((w) => (
          <WarningItem key={w.key} warning={w} showWhere={!placementId} />
        ))}
      </Stack>
      {!showAll && active.length > SHOWN_AT_FIRST && (
        <Button variant="subtle" mt="sm" onClick={() => setShowAll(true)}>
          Show all {active.length} warnings
        </Button>
      )}
      {acknowledged.length > 0 && (
        <details style={{ marginTop: 'var(--mantine-spacing-md)' }}>
          <summary>Acknowledged ({acknowledged.length}): back if they get worse</summary>
          <List spacing={4} mt="xs">
            {acknowledged.map((w) => (
              <List.Item key={w.key}>
                <Text size="sm">
                  {warningKinds[w.kind].label}
                  {w.pupilName ? `, ${w.pupilName}` : `, ${w.providerName}`}: “{w.acknowledgement.note}” (
                  {w.acknowledgement.byName}, {dateInWords(w.acknowledgement.acknowledgedOn)})
                </Text>
              </List.Item>
            ))}
          </List>
        </details>
      )}
    </Card>
  );
}

function WarningItem({ warning: w, showWhere }: { warning: EarlyWarning; showWhere: boolean }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const acknowledge = useAcknowledgeWarning();
  const acknowledgeIt = () =>
    acknowledge.mutate({ key: w.key, note }, { onSuccess: () => notifySuccess('Warning acknowledged') });
  const who = w.pupilName ? `${w.pupilName} at ${w.providerName}` : w.providerName;
  const noteId = `note-${w.key.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <article aria-label={`${warningKinds[w.kind].label}: ${who}`}>
      <Group gap="xs" mb={2}>
        <Tag tone="warning">{warningFamilies[warningKinds[w.kind].family]}</Tag>
        {warningFamilies[warningKinds[w.kind].family] !== warningKinds[w.kind].label && (
          <Text size="sm">{warningKinds[w.kind].label}</Text>
        )}
        {showWhere && (
          <Text fw={600}>
            {who}
            {w.schoolName ? `, ${w.schoolName}` : ''}
          </Text>
        )}
      </Group>
      <Text>{w.reason}</Text>
      <Group gap="sm" mt={4}>
        <Anchor component={Link} to={w.action.link}>
          {w.action.label}
        </Anchor>
        {!open && (
          <Button variant="default" size="compact-sm" onClick={() => setOpen(true)}>
            Acknowledge
          </Button>
        )}
      </Group>
      {open && (
        <Stack gap="xs" mt="xs" maw={560}>
          <ErrorAlert error={acknowledge.error} title="Not acknowledged" />
          <Textarea
            id={noteId}
            label="What is being done about it"
            description="Kept in the audit log. The warning comes back if it gets worse."
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group gap="xs">
            <Button size="compact-md" loading={acknowledge.isPending} onClick={acknowledgeIt}>
              Acknowledge warning
            </Button>
            <Button variant="subtle" size="compact-md" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      )}
    </article>
  );
}
