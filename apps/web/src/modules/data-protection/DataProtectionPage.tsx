import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { dateInWords } from '@waymark/domain';
import { useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { can, useCurrentSession } from '../auth/session.ts';
import { usePupils } from '../pupils/pupils.api.ts';
import { useRetention, useReviewedDeletion, useSharingRecord } from './data-protection.api.ts';

/** A subject access export for one pupil: data and a readable PDF; safeguarding records by a DSL's decision. */
function SubjectAccessCard() {
  const session = useCurrentSession();
  const [search, setSearch] = useState('');
  const [pupilId, setPupilId] = useState<string | null>(null);
  const [includeSafeguarding, setInclude] = useState(false);
  const pupils = usePupils({ search });
  const query = includeSafeguarding ? '?includeSafeguarding=true' : '';
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Subject access export
      </Title>
      <Text size="sm" mb="sm">
        Everything Waymark holds about one pupil, for a request from the pupil or a parent. Making one is
        recorded in the audit log.
      </Text>
      <Stack>
        <Select
          label="Pupil"
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          data={(pupils.data?.pupils ?? []).map((p) => ({
            value: p.id,
            label: `${p.displayName} (${p.schoolName})`,
          }))}
          value={pupilId}
          onChange={setPupilId}
          maw={420}
        />
        {can(session, 'safeguarding.read') && (
          <Checkbox
            label="Include safeguarding records (your decision as DSL)"
            description="Leave them out where telling would put the child at risk."
            checked={includeSafeguarding}
            onChange={(e) => setInclude(e.currentTarget.checked)}
          />
        )}
        {pupilId && (
          <Group>
            <Anchor href={`/api/data-protection/pupils/${pupilId}/subject-access.pdf${query}`}>
              Download the PDF
            </Anchor>
            <Anchor href={`/api/data-protection/pupils/${pupilId}/subject-access${query}`}>
              Download the data (JSON)
            </Anchor>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** The retention schedule, the records past it and their reviewed deletion. */
function RetentionCard() {
  const report = useRetention();
  const [deleting, setDeleting] = useState<{ what: string; path: string } | null>(null);
  const [reviewNote, setReviewNote] = useState('');
  const remove = useReviewedDeletion();
  const deleteReviewed = () =>
    deleting &&
    remove.mutate(
      { path: deleting.path, reviewNote },
      {
        onSuccess: () => {
          notifySuccess('Deleted, and recorded in the audit log with your review.');
          setDeleting(null);
          setReviewNote('');
        },
      },
    );
  if (report.isPending) return <Loading label="Loading the retention schedule" />;
  if (report.error) return <ErrorAlert error={report.error} />;
  const r = report.data;
  const noteError = remove.error instanceof ApiError ? remove.error.fieldErrors().reviewNote : undefined;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Retention
      </Title>
      <DataTable
        label="Retention schedule"
        minWidth={480}
        mb="md"
        headers={['Record', 'Kept for']}
        rows={r.schedule}
        row={(s) => (
          <Table.Tr key={s.kind}>
            <Table.Th scope="row">{s.label}</Table.Th>
            <Table.Td>
              {s.years} years{s.confirmed ? '' : ' (to confirm locally)'}
              {s.changedLocally ? ', set by your trust' : ''}
            </Table.Td>
          </Table.Tr>
        )}
      />
      <Title order={3} size="h5" mb="xs">
        Past their retention date
      </Title>
      {r.pupilRecordsPast.length === 0 && <Text size="sm">No pupil records.</Text>}
      {r.pupilRecordsPast.map((p) => (
        <Group key={p.pupilId} justify="space-between" mb={4}>
          <Text size="sm">
            {p.name}, {p.school}: kept until {dateInWords(p.keptUntil)}
          </Text>
          <Button
            size="xs"
            variant="outline"
            color="red"
            onClick={() =>
              setDeleting({
                what: `${p.name}'s whole record`,
                path: `/api/data-protection/retention/pupils/${p.pupilId}/deletion`,
              })
            }
          >
            Review and delete
          </Button>
        </Group>
      ))}
      <Group justify="space-between" mt="xs">
        <Text size="sm">
          {r.registerEntriesPast.entries} attendance register entries dated before{' '}
          {r.registerEntriesPast.before}.
        </Text>
        {r.registerEntriesPast.entries > 0 && (
          <Button
            size="xs"
            variant="outline"
            color="red"
            onClick={() =>
              setDeleting({
                what: `${r.registerEntriesPast.entries} register entries`,
                path: '/api/data-protection/retention/register-entries/deletion',
              })
            }
          >
            Review and delete
          </Button>
        )}
      </Group>
      {r.keptDocuments.length > 0 && (
        <>
          <Title order={3} size="h5" mt="md" mb="xs">
            EHCP documents kept after their pupil's record
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            SEN and EHCP documents are kept to their own date, after the rest of the pupil's record was
            deleted.
          </Text>
          {r.keptDocuments.map((d) => (
            <Group key={d.id} justify="space-between" mb={4}>
              <Text size="sm">
                {d.title}, {d.pupilName}: kept until {dateInWords(d.keptUntil)}
              </Text>
              {d.past && (
                <Button
                  size="xs"
                  variant="outline"
                  color="red"
                  onClick={() =>
                    setDeleting({
                      what: `${d.title} of ${d.pupilName}`,
                      path: `/api/data-protection/retention/kept-documents/${d.id}/deletion`,
                    })
                  }
                >
                  Review and delete
                </Button>
              )}
            </Group>
          ))}
        </>
      )}
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`Delete ${deleting?.what ?? ''}`}
      >
        <Stack>
          <Text size="sm">
            This cannot be undone. Say what you checked: no inquiry, claim or hold needs it.
          </Text>
          <Textarea
            label="Your review"
            minRows={3}
            autosize
            value={reviewNote}
            error={noteError}
            onChange={(e) => setReviewNote(e.currentTarget.value)}
          />
          {remove.error && !noteError && <ErrorAlert error={remove.error} />}
          <Button color="red" onClick={deleteReviewed} loading={remove.isPending}>
            Delete
          </Button>
        </Stack>
      </Modal>
    </Card>
  );
}

function SharingCard() {
  const shares = useSharingRecord();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        What was shared with providers
      </Title>
      <ErrorAlert error={shares.error} />
      {shares.data?.shares.length === 0 && <Text size="sm">Nothing shared yet.</Text>}
      {shares.data && shares.data.shares.length > 0 && (
        <DataTable
          label="What was shared with providers"
          minWidth={640}
          striped
          headers={['On', 'Provider', 'Pupil', 'What', 'How, by whom']}
          rows={shares.data.shares}
          row={(s) => (
            <Table.Tr key={`${s.sharedOn} ${s.pupil} ${s.what}`}>
              <Table.Td>{dateInWords(s.sharedOn)}</Table.Td>
              <Table.Td>{s.provider}</Table.Td>
              <Table.Td>
                {s.pupil} ({s.school})
              </Table.Td>
              <Table.Td>{s.what}</Table.Td>
              <Table.Td>
                {s.method}, {s.sharedBy}
              </Table.Td>
            </Table.Tr>
          )}
        />
      )}
    </Card>
  );
}

/** UK GDPR duties: subject access, retention and the record of sharing with providers. */
export function DataProtectionPage() {
  return (
    <>
      <PageHeader
        title="Data protection"
        description="Subject access requests, how long records are kept, and what was shared with providers."
      />
      <Stack gap="lg">
        <SubjectAccessCard />
        <RetentionCard />
        <SharingCard />
      </Stack>
    </>
  );
}
