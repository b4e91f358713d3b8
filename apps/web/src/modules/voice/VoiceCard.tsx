import {
  Anchor,
  Box,
  Button,
  Card,
  Group,
  List,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { dateInWords } from '@waymark/domain';
import { useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { Tag } from '../../ui/Tag.tsx';
import { describeAnswers } from './describe-answers.ts';
import { usePlacementVoice, useVoiceActions, type VoiceLink } from './voice.api.ts';

type Link = VoiceLink;

const statusTags = {
  not_sent: <Tag tone="warning">Not sent</Tag>,
  sent: <Tag tone="info">Link sent</Tag>,
  answered: <Tag tone="positive">Answered</Tag>,
  expired: <Tag tone="neutral">Not answered</Tag>,
};
const who = { pupil: 'Pupil', parent: 'Parent or carer' };

/** Pupil and parent voice for the placement: this half-term's links, the answers, and what changed. */
export function VoiceCard({ placementId, canManage }: { placementId: string; canManage: boolean }) {
  const voice = usePlacementVoice(placementId);
  const { issue, change } = useVoiceActions(placementId);
  const parentEmails = voice.data?.parentEmails ?? [];
  const [link, setLink] = useState<{ requestId: string; link: Link } | null>(null);
  const [chosenEmail, setEmailTo] = useState<string | null>(null);
  const emailTo = chosenEmail ?? parentEmails[0]?.email ?? null;
  const issueLink = (requestId: string, email?: string) =>
    issue.mutate(
      { requestId, ...(email ? { email } : {}) },
      {
        onSuccess: (issued) => {
          setLink({ requestId, link: issued });
          if (issued.emailedTo) notifySuccess(`The link was emailed to ${issued.emailedTo}.`);
        },
      },
    );
  const form = useForm({ initialValues: { youSaid: '', weDid: '' } });
  const recordChange = (values: typeof form.values) =>
    change.mutate(values, {
      onSuccess: () => {
        form.reset();
        notifySuccess('Recorded.');
      },
      onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
    });
  const requests = voice.data?.requests ?? [];
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Pupil and parent voice
      </Title>
      <Text mb="sm" size="sm">
        Every half-term the pupil and a parent or carer are asked how it is going. A link works once, needs no
        account, and ends with the half-term. Answers feed the next review.
      </Text>
      <ErrorAlert error={voice.error ?? issue.error} />
      {voice.isPending ? (
        <Loading label="Loading" />
      ) : requests.length === 0 ? (
        <Text>No requests yet: they open when a half-term begins while the placement is active.</Text>
      ) : (
        <DataTable
          label="Voice requests"
          minWidth={640}
          mb="md"
          striped
          headers={['Half-term', 'Who', 'Status', 'Answers or link']}
          rows={requests}
          row={(r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.halfTerm}</Table.Td>
              <Table.Td>{who[r.respondent]}</Table.Td>
              <Table.Td>{statusTags[r.status]}</Table.Td>
              <Table.Td>
                {r.answers ? (
                  <List size="sm">
                    {describeAnswers(r.respondent, r.answers).map((line) => (
                      <List.Item key={line}>{line}</List.Item>
                    ))}
                    {r.withStaff && <List.Item>Filled in with a member of staff</List.Item>}
                  </List>
                ) : canManage && (r.status === 'not_sent' || r.status === 'sent') ? (
                  <Stack gap="xs">
                    <Button
                      size="xs"
                      variant="default"
                      loading={
                        issue.isPending && issue.variables?.requestId === r.id && !issue.variables.email
                      }
                      onClick={() => issueLink(r.id)}
                    >
                      {r.respondent === 'pupil' ? "Get the pupil's link to print" : 'Get a link to print'}
                    </Button>
                    {r.respondent === 'parent' && parentEmails.length > 0 && (
                      <Group gap="xs" align="flex-end" wrap="wrap">
                        <Select
                          size="xs"
                          label="Email it to"
                          data={parentEmails.map((p) => ({
                            value: p.email,
                            label: `${p.name} (${p.email})`,
                          }))}
                          value={emailTo}
                          onChange={setEmailTo}
                        />
                        <Button
                          size="xs"
                          variant="default"
                          disabled={!emailTo}
                          onClick={() => emailTo && issueLink(r.id, emailTo)}
                        >
                          Email the link
                        </Button>
                      </Group>
                    )}
                    {link?.requestId === r.id && (
                      <Box>
                        <Text size="sm">
                          One-time link (until {dateInWords(link.link.expiresOn)}):{' '}
                          <Anchor href={link.link.url} style={{ wordBreak: 'break-all' }}>
                            {link.link.url}
                          </Anchor>
                        </Text>
                        <img
                          width={160}
                          height={160}
                          alt="QR code of the link, to scan with a phone or tablet"
                          // As an image, the server's SVG cannot run anything in the page.
                          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.link.qrSvg)}`}
                        />
                        <Button size="xs" variant="default" onClick={() => window.print()}>
                          Print
                        </Button>
                      </Box>
                    )}
                  </Stack>
                ) : (
                  <Text size="sm">—</Text>
                )}
              </Table.Td>
            </Table.Tr>
          )}
        />
      )}
      <Title order={3} size="h5" mb="xs">
        You said, we did
      </Title>
      {voice.data?.changes.length ? (
        <List mb="md" spacing="xs">
          {voice.data.changes.map((c) => (
            <List.Item key={c.id}>
              You said: {c.youSaid}. We did: {c.weDid} ({c.recordedByName})
            </List.Item>
          ))}
        </List>
      ) : (
        <Text mb="sm">Nothing recorded yet.</Text>
      )}
      {canManage && (
        <form onSubmit={form.onSubmit(recordChange)} noValidate aria-label="You said, we did">
          <Stack gap="sm">
            <Textarea label="You said" required autosize minRows={1} {...form.getInputProps('youSaid')} />
            <Textarea label="We did" required autosize minRows={1} {...form.getInputProps('weDid')} />
            <Group>
              <Button type="submit" variant="outline" loading={change.isPending}>
                Record it
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
