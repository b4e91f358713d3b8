import { Alert, Button, Card, Code, Group, List, Text, TextInput, Title } from '@mantine/core';
import { dateInWords, todayInLondon } from '@waymark/domain';
import { useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { useApiKeys } from '../attendance/attendance.api.ts';

/** Keys for a provider's own register system to send attendance to Waymark (POST /api/provider-api/register). */
export function ApiKeysCard({ providerId }: { providerId: string }) {
  const { keys, issue: create, revoke } = useApiKeys(providerId);
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<string | null>(null);
  const issueKey = () =>
    create.mutate(name, {
      onSuccess: (result) => {
        setIssued(result.key);
        setName('');
      },
    });
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Register API keys
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        For a provider whose own system sends attendance. A key is shown once; revoke it if it may have been
        seen by anyone else.
      </Text>
      <ErrorAlert error={keys.error ?? revoke.error} title="API keys could not be loaded" />
      {issued && (
        <Alert color="blue" role="status" mb="sm" title="Copy this key now: it will not be shown again">
          <Code>{issued}</Code>
        </Alert>
      )}
      {keys.data?.keys.length ? (
        <List mb="sm">
          {keys.data.keys.map((k) => (
            <List.Item key={k.id}>
              <Group gap="xs">
                <Text>
                  {k.name} ({k.prefix}…), issued {dateInWords(todayInLondon(new Date(k.createdAt)))}
                  {k.lastUsedAt
                    ? `, last used ${dateInWords(todayInLondon(new Date(k.lastUsedAt)))}`
                    : ', not used yet'}
                  {k.revokedAt ? `, revoked ${dateInWords(todayInLondon(new Date(k.revokedAt)))}` : ''}
                </Text>
                {!k.revokedAt && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => revoke.mutate(k.id)}
                    aria-label={`Revoke ${k.name}`}
                  >
                    Revoke
                  </Button>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      ) : (
        <Text mb="sm">No keys issued.</Text>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          issueKey();
        }}
        noValidate
      >
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label="Key name"
            description="e.g. the system it is for"
            value={name}
            error={errors.name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Button type="submit" variant="outline" loading={create.isPending}>
            Issue a key
          </Button>
        </Group>
      </form>
    </Card>
  );
}
