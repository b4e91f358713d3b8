import { Anchor, Card, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../ui/DataTable.tsx';
import { ExportLinks } from '../../ui/ExportLinks.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { can, useCurrentSession } from '../auth/session.ts';
import { usePlacements } from '../placements/placements.api.ts';
import { IncidentForm } from './IncidentForm.tsx';
import { type IncidentListFilter, londonDateTime, useIncidents } from './incidents.api.ts';
import { IncidentStatusTag } from './statusTags.tsx';

/** Concerns and incidents at your schools: what needs triage first; safeguarding detail for DSLs only. */
export function IncidentsPage() {
  const session = useCurrentSession();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<IncidentListFilter>('open');
  const list = useIncidents(status);
  const canReport = can(session, 'incidents.report');
  const placements = usePlacements(
    { status: 'active' },
    { enabled: canReport && can(session, 'placements.read') },
  );
  return (
    <>
      <PageHeader
        title="Concerns and incidents"
        description="Reported by providers and by school staff. Only designated safeguarding leads read the detail of a safeguarding concern; everyone else sees that one exists and where it stands."
      />
      <Stack>
        <Card withBorder padding="lg">
          <ExportLinks list="incidents" label="concerns and incidents" />
          <SegmentedControl
            aria-label="Which records"
            value={status}
            onChange={(v) => setStatus(v as IncidentListFilter)}
            data={[
              { value: 'open', label: 'Open' },
              { value: 'closed', label: 'Closed' },
              { value: 'all', label: 'All' },
            ]}
            mb="md"
          />
          <ErrorAlert error={list.error} title="The list could not be loaded" />
          {list.isPending ? (
            <Loading label="Loading" />
          ) : list.data?.incidents.length ? (
            <DataTable
              label="Concerns and incidents"
              minWidth={820}
              striped
              headers={['Happened', 'Pupil', 'Kind', 'Provider', 'School told', 'Status']}
              rows={list.data.incidents}
              row={(i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{londonDateTime(i.occurredAt)}</Table.Td>
                  <Table.Td>{i.pupilName}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/incidents/${i.id}`}>
                      {i.kindLabel}
                    </Anchor>
                    {i.safeguarding && (
                      <>
                        {' '}
                        <Tag tone="danger">Safeguarding</Tag>
                      </>
                    )}
                  </Table.Td>
                  <Table.Td>{i.providerName}</Table.Td>
                  <Table.Td>
                    {londonDateTime(i.schoolToldAt)}
                    {!i.toldSameDay && (
                      <>
                        {' '}
                        <Tag tone="warning">Not the same day</Tag>
                      </>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <IncidentStatusTag status={i.status} />
                  </Table.Td>
                </Table.Tr>
              )}
            />
          ) : (
            <Text>Nothing {status === 'all' ? 'recorded' : status} at your schools.</Text>
          )}
        </Card>
        {canReport && (
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="sm">
              Record a concern or incident
            </Title>
            <IncidentForm
              path="/api/incidents"
              pupils={(placements.data?.placements ?? []).map((p) => ({
                placementId: p.id,
                label: `${p.pupilName} at ${p.providerName}`,
              }))}
              onSaved={() => queryClient.invalidateQueries({ queryKey: ['incidents'] })}
            />
          </Card>
        )}
      </Stack>
    </>
  );
}
