import { Anchor, Table } from '@mantine/core';
import { maybeDateInWords, placementTypeLabels, yearGroupLabel } from '@waymark/domain';
import { Link } from 'react-router';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { type PlacementSummary, statusLabels, statusTones } from './placements.api.ts';

export function PlacementsTable({
  placements,
  showPupil = true,
}: {
  placements: PlacementSummary[];
  showPupil?: boolean;
}) {
  return (
    <TableScroll label="Placements" minWidth={680}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            {showPupil && <Table.Th scope="col">Pupil</Table.Th>}
            <Table.Th scope="col">Provider</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">Dates</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {placements.map((p) => (
            <Table.Tr key={p.id}>
              {showPupil && (
                <Table.Td>
                  {p.pupilName} ({yearGroupLabel(p.yearGroup)})
                </Table.Td>
              )}
              <Table.Td>
                <Anchor component={Link} to={`/placements/${p.id}`}>
                  {p.providerName}
                </Anchor>
              </Table.Td>
              <Table.Td>{placementTypeLabels[p.type]}</Table.Td>
              <Table.Td>
                {maybeDateInWords(p.startsOn, 'not set')} to{' '}
                {maybeDateInWords(p.endedOn ?? p.plannedEndOn, 'not set')}
              </Table.Td>
              <Table.Td>
                <Tag tone={statusTones[p.status]}>{statusLabels[p.status]}</Tag>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
