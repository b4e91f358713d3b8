import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { usePortalPlacements } from '../placements/placements.api.ts';
import { IncidentForm } from './IncidentForm.tsx';
import { londonDateTime, usePortalIncidents } from './incidents.api.ts';
import { IncidentStatusTag } from './statusTags.tsx';

/** Provider portal: report a concern or incident the same day, and see where earlier reports stand. */
export function PortalIncidentsPage() {
  const queryClient = useQueryClient();
  const placements = usePortalPlacements();
  const reports = usePortalIncidents();
  const pupils = (placements.data?.placements ?? [])
    .filter((p) => p.status === 'active')
    .map((p) => ({ placementId: p.id, label: `${p.pupilName} (${p.schoolName})` }));
  return (
    <>
      <PageHeader
        title="Report a concern or incident"
        description="Tell the pupil's school the same day. Safeguarding concerns go straight to the school's designated safeguarding lead."
      />
      <Stack>
        <Card withBorder padding="lg">
          <ErrorAlert error={placements.error} title="Your pupils could not be loaded" />
          <IncidentForm
            path="/api/portal/incidents"
            pupils={pupils}
            onSaved={() => queryClient.invalidateQueries({ queryKey: ['portal', 'incidents'] })}
          />
        </Card>
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">
            Your reports
          </Title>
          <ErrorAlert error={reports.error} title="Your reports could not be loaded" />
          {reports.isPending ? (
            <Loading label="Loading" />
          ) : reports.data?.incidents.length ? (
            <DataTable
              label="Your reports"
              minWidth={640}
              striped
              headers={['Happened', 'Pupil', 'Kind', 'Reported by', 'Status']}
              rows={reports.data.incidents}
              row={(i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{londonDateTime(i.occurredAt)}</Table.Td>
                  <Table.Td>{i.pupilName}</Table.Td>
                  <Table.Td>{i.kindLabel}</Table.Td>
                  <Table.Td>{i.reportedByName}</Table.Td>
                  <Table.Td>
                    <IncidentStatusTag status={i.status} />
                  </Table.Td>
                </Table.Tr>
              )}
            />
          ) : (
            <Text>You have not reported anything yet.</Text>
          )}
        </Card>
      </Stack>
    </>
  );
}
