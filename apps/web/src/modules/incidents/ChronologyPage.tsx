import { Anchor, Card, Table, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { londonDateTime, useChronology } from './incidents.api.ts';

/** A pupil's safeguarding chronology (DSLs only): every concern and every step, oldest first. Logged. */
export function ChronologyPage() {
  const { pupilId = '' } = useParams();
  const chronology = useChronology(pupilId);
  if (chronology.isPending) return <Loading label="Loading the chronology" />;
  if (chronology.error)
    return <ErrorAlert error={chronology.error} title="The chronology could not be loaded" />;
  const { pupilName, events } = chronology.data;
  return (
    <>
      <PageHeader
        title={`Safeguarding chronology: ${pupilName}`}
        description="Every concern and incident, and every step taken, oldest first. Your reading of it is recorded in the audit log."
      />
      <Card withBorder padding="lg">
        {events.length === 0 ? (
          <Text>Nothing has been recorded for {pupilName}.</Text>
        ) : (
          <DataTable
            label="Chronology"
            minWidth={640}
            striped
            headers={['When', 'What', 'By']}
            rows={events}
            row={(e) => (
              <Table.Tr key={`${e.incidentId} ${e.at} ${e.what}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{londonDateTime(e.at)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/incidents/${e.incidentId}`}>
                    {e.what}
                  </Anchor>
                </Table.Td>
                <Table.Td>{e.by}</Table.Td>
              </Table.Tr>
            )}
          />
        )}
      </Card>
    </>
  );
}
