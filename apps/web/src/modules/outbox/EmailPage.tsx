import { Anchor, Button, Card, Code, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { type EmailView, statusLabels, statusTones, when } from './outbox.api.ts';

export function EmailPage() {
  const { emailId = '' } = useParams();
  const queryClient = useQueryClient();
  const email = useQuery({
    queryKey: ['outbox', emailId],
    queryFn: () => api<EmailView>('GET', `/api/outbox/${emailId}`),
  });
  const retry = useMutation({
    mutationFn: () => api<EmailView>('POST', `/api/outbox/${emailId}/retry`),
    onSuccess: (result) => {
      queryClient.setQueryData(['outbox', emailId], result);
      queryClient.invalidateQueries({ queryKey: ['outbox'] });
      notifySuccess('The email will be sent again.');
    },
  });
  if (email.isPending) return <Loading label="Loading the email" />;
  if (!email.data) return <ErrorAlert error={email.error} title="The email could not be loaded" />;
  const e = email.data;
  return (
    <>
      <PageHeader
        title={e.subject}
        actions={
          <Tag tone={statusTones[e.status]} size="lg">
            {statusLabels[e.status]}
          </Tag>
        }
      />
      <Stack>
        <Card withBorder padding="lg">
          <Text>
            To: {e.toName ? `${e.toName} <${e.toAddress}>` : e.toAddress}
            <br />
            Written: {when.format(new Date(e.createdAt))}
            <br />
            {e.sentAt
              ? `Sent: ${when.format(new Date(e.sentAt))}`
              : e.status === 'queued'
                ? `Next attempt: ${when.format(new Date(e.nextAttemptAt))}`
                : `Gave up after ${e.attempts} attempts`}
          </Text>
          {e.lastError && (
            <Text mt="sm">
              Last error: <Code>{e.lastError}</Code>
            </Text>
          )}
          {e.status === 'failed' && (
            <Group mt="md">
              <ErrorAlert error={retry.error} />
              <Button onClick={() => retry.mutate()} loading={retry.isPending}>
                Send again
              </Button>
            </Group>
          )}
        </Card>
        <Card withBorder padding="lg">
          <Text component="pre" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: 0 }}>
            {e.bodyText}
          </Text>
        </Card>
        <Anchor component={Link} to="/outbox">
          Back to the outbox
        </Anchor>
      </Stack>
    </>
  );
}
