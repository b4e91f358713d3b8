import { Button, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { useCalendarFeed } from './account.api.ts';

/** A private address for Outlook or Google Calendar with what is due for you; shown once, revocable. */
export function CalendarFeedCard() {
  const { status, create, revoke } = useCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Calendar feed
      </Title>
      <Text mb="sm">
        Add what is due for you — QA visits, reviews and other dates — to Outlook or Google Calendar with a
        private address. Anyone with the address can read it, so keep it to yourself; stop it here if it is
        shared.
      </Text>
      <ErrorAlert error={status.error ?? create.error ?? revoke.error} />
      <Stack gap="sm">
        {url && (
          <Text>
            Your address (copy it now; it is not shown again):{' '}
            <Code style={{ wordBreak: 'break-all' }}>{url}</Code>
          </Text>
        )}
        {status.data?.active && !url && <Text>Your calendar feed is on.</Text>}
        <Group>
          <Button
            variant="outline"
            onClick={() => create.mutate(undefined, { onSuccess: (made) => setUrl(made.url) })}
            loading={create.isPending}
          >
            {status.data?.active ? 'Make a new address' : 'Make my calendar address'}
          </Button>
          {status.data?.active && (
            <Button
              variant="default"
              onClick={() => revoke.mutate(undefined, { onSuccess: () => setUrl(null) })}
              loading={revoke.isPending}
            >
              Stop the feed
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
