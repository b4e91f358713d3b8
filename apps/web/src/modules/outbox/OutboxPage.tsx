import { Alert, Anchor, Select, Table, Text } from '@mantine/core';
import { momentInWords } from '@waymark/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { type EmailStatus, statusLabels, statusTones, useOutbox } from './outbox.api.ts';

/** Every email Waymark sends for the group, so an administrator can see what went out and what failed. */
export function OutboxPage() {
  const [status, setStatus] = useState<EmailStatus | null>(null);
  const [page, setPage] = useState(1);
  const filters = { status, page, pageSize: 50 };
  const outbox = useOutbox(filters);
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Emails Waymark has sent or is sending for your group: invitations, reminders and notifications."
      />
      {outbox.data && !outbox.data.mailServerConfigured && (
        <Alert color="blue" role="status" mb="md" title="No mail server is set up">
          Emails wait here instead of being sent. Set SMTP_URL on the server to send them; waiting emails go
          out then.
        </Alert>
      )}
      <Select
        label="Status"
        placeholder="Any status"
        clearable
        mb="md"
        maw={240}
        data={(Object.keys(statusLabels) as EmailStatus[]).map((s) => ({ value: s, label: statusLabels[s] }))}
        value={status}
        onChange={(value) => {
          setStatus(value as EmailStatus | null);
          setPage(1);
        }}
      />
      <ErrorAlert error={outbox.error} title="The outbox could not be loaded" />
      {outbox.isPending ? (
        <Loading label="Loading the outbox" />
      ) : (
        outbox.data && (
          <>
            <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
              {outbox.data.pageInfo.total} emails
            </Text>
            <DataTable
              label="Emails"
              minWidth={720}
              empty="No email here yet. Emails appear as Waymark writes them: invitations, reminders, chasers and alerts."
              striped
              headers={['Written', 'To', 'Subject', 'Status']}
              rows={outbox.data.emails}
              row={(email) => (
                <Table.Tr key={email.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{momentInWords(email.createdAt)}</Table.Td>
                  <Table.Td>
                    {email.toName ? `${email.toName} <${email.toAddress}>` : email.toAddress}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/outbox/${email.id}`}>
                      {email.subject}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Tag tone={statusTones[email.status]}>{statusLabels[email.status]}</Tag>
                    {email.status !== 'sent' && email.attempts > 0 && (
                      <Text size="xs">
                        {email.attempts} attempt{email.attempts === 1 ? '' : 's'}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              )}
            />
            <Pager pageInfo={outbox.data.pageInfo} page={page} onChange={setPage} />
          </>
        )
      )}
    </>
  );
}
