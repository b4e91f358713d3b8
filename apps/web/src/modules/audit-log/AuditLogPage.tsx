import { Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { auditActionLabel, momentInWords } from '@waymark/domain';
import { useState } from 'react';
import { DataTable } from '../../ui/DataTable.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { SchoolSelect } from '../../ui/SchoolSelect.tsx';
import { can, useCurrentSession } from '../auth/session.ts';
import { useOrganisation } from '../organisation/organisation.api.ts';
import { useAuditLog } from './audit-log.api.ts';
import { ChainCheckCard } from './ChainCheckCard.tsx';

export function AuditLogPage() {
  const session = useCurrentSession();
  const [action, setAction] = useState<string | null>(null);
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const { data: organisation } = useOrganisation();
  const filters = { action, schoolId, search: debouncedSearch, from, to, page, pageSize: 50 };
  const events = useAuditLog(filters);
  const resetPage =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, and every look at a pupil’s or safeguarding record, with who and when."
      />
      {can(session, 'audit_log.verify') && <ChainCheckCard />}
      <Group mb="md" align="flex-end" wrap="wrap">
        <Select
          label="Action"
          placeholder="Any action"
          clearable
          searchable
          data={(events.data?.actions ?? []).map((a) => ({ value: a, label: auditActionLabel(a) }))}
          value={action}
          onChange={resetPage(setAction)}
        />
        <SchoolSelect
          schools={organisation?.schools}
          placeholder="Any school"
          clearable
          value={schoolId}
          onChange={resetPage(setSchoolId)}
        />
        <TextInput
          label="Search"
          description="Summary or person"
          value={search}
          onChange={(e) => resetPage(setSearch)(e.currentTarget.value)}
        />
        <DateField label="From" value={from} onChange={(value) => resetPage(setFrom)(value)} />
        <DateField label="To" value={to} onChange={(value) => resetPage(setTo)(value)} />
      </Group>
      <ErrorAlert error={events.error} title="The audit log could not be loaded" />
      {events.isPending ? (
        <Loading label="Loading the audit log" />
      ) : (
        events.data && (
          <>
            <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
              {events.data.pageInfo.total} events
            </Text>
            <DataTable
              label="Audit events"
              minWidth={700}
              striped
              headers={['When', 'Who', 'Action', 'What happened']}
              rows={events.data.events}
              row={(e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{momentInWords(e.occurredAt)}</Table.Td>
                  <Table.Td>{e.actorName}</Table.Td>
                  <Table.Td>
                    {auditActionLabel(e.action)}
                    <Text size="xs" c="dimmed">
                      {e.action}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {e.summary}
                    {e.changes && Object.keys(e.changes).length > 0 && (
                      <Text size="xs" c="dimmed">
                        {Object.entries(e.changes)
                          .map(
                            ([field, c]) => `${field}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`,
                          )
                          .join('; ')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              )}
            />
            <Pager pageInfo={events.data.pageInfo} page={page} onChange={setPage} />
          </>
        )
      )}
    </>
  );
}
