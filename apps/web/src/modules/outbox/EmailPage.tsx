import { Anchor, Button, Card, Code, Group, Stack, Text } from '@mantine/core';
import { momentInWords } from '@waymark/domain';
import { Link, useParams } from 'react-router';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { statusLabels, statusTones, useEmail } from './outbox.api.ts';

export function EmailPage() {
  const { emailId = '' } = useParams();
  const { email, retry } = useEmail(emailId);
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
            Written: {momentInWords(e.createdAt)}
            <br />
            {e.sentAt
              ? `Sent: ${momentInWords(e.sentAt)}`
              : e.status === 'queued'
                ? `Next attempt: ${momentInWords(e.nextAttemptAt)}`
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
              <Button
                onClick={() =>
                  retry.mutate(undefined, { onSuccess: () => notifySuccess('The email will be sent again.') })
                }
                loading={retry.isPending}
              >
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
