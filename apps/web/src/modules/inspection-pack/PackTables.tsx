import { Anchor, Group, List, Table, Text } from '@mantine/core';
import { dateInWords, maybeDateInWords, registrationCodeLabels } from '@waymark/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { HeaderRow } from '../../ui/HeaderRow.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { Tag } from '../../ui/Tag.tsx';
import type { InspectionPack } from './inspection-pack.api.ts';

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** A figure linked to its record, marked when it is overdue. */
function Figure({ to, overdue, children }: { to: string; overdue?: boolean; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Anchor component={Link} to={to}>
        {children}
      </Anchor>
      {overdue && <Tag tone="danger">Overdue</Tag>}
    </Group>
  );
}

export function PupilsTable({ pack }: { pack: InspectionPack }) {
  return (
    <TableScroll label="Pupils in alternative provision" minWidth={1100}>
      <Table striped>
        <HeaderRow
          names={[
            'Pupil',
            'Provider',
            'Placement type',
            'Days',
            'Hours a week',
            'Start',
            'Registration',
            'EHCP',
            'Looked after',
            'Reason and objectives',
          ]}
        />
        <Table.Tbody>
          {pack.pupils.map((p) => (
            <Table.Tr key={p.placementId}>
              <Table.Th scope="row">
                <Figure to={p.link}>{p.pupilName}</Figure>
                <Text size="sm">Year {p.yearGroup}</Text>
              </Table.Th>
              <Table.Td>
                <Figure to={`/providers/${p.providerId}`}>{p.providerName}</Figure>
              </Table.Td>
              <Table.Td>{p.type}</Table.Td>
              <Table.Td>{p.days.join(', ')}</Table.Td>
              <Table.Td>{p.hoursPerWeek}</Table.Td>
              <Table.Td>{maybeDateInWords(p.startsOn)}</Table.Td>
              <Table.Td>{registrationCodeLabels[p.registration]}</Table.Td>
              <Table.Td>{yesNo(p.ehcp)}</Table.Td>
              <Table.Td>{yesNo(p.lookedAfter)}</Table.Td>
              <Table.Td>
                <Text size="sm">{p.reason}</Text>
                <List size="sm">
                  {p.objectives.map((o) => (
                    <List.Item key={o}>{o}</List.Item>
                  ))}
                </List>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

export function ProvidersTable({ pack }: { pack: InspectionPack }) {
  return (
    <TableScroll label="Providers" minWidth={1000}>
      <Table striped>
        <HeaderRow
          names={[
            'Provider',
            'Approval',
            'Last audit',
            'Assurance letter',
            'Insurance expires',
            'Last QA visit',
            'Open actions',
          ]}
        />
        <Table.Tbody>
          {pack.providers.map((p) => (
            <Table.Tr key={p.providerId}>
              <Table.Th scope="row">
                <Figure to={p.link}>{p.name}</Figure>
              </Table.Th>
              <Table.Td>
                {p.status}
                {p.approvedOn ? `, ${dateInWords(p.approvedOn)}` : ''}
              </Table.Td>
              <Table.Td>
                {p.lastAudit ? (
                  <Figure to={p.lastAudit.link}>
                    {dateInWords(p.lastAudit.on)}: {p.lastAudit.outcome}
                  </Figure>
                ) : (
                  'None'
                )}
              </Table.Td>
              <Table.Td>
                <Figure to={p.link} overdue={p.letterOverdue}>
                  {maybeDateInWords(p.letterOn, 'None')}
                </Figure>
              </Table.Td>
              <Table.Td>
                <Figure to={p.link} overdue={p.insuranceOverdue}>
                  {maybeDateInWords(p.insuranceExpiresOn, 'None')}
                </Figure>
              </Table.Td>
              <Table.Td>
                {p.lastQaVisit ? (
                  <Figure to={p.lastQaVisit.link} overdue={p.qaOverdue}>
                    {dateInWords(p.lastQaVisit.on)}
                    {p.lastQaVisit.overall ? `: ${p.lastQaVisit.overall}` : ''}
                  </Figure>
                ) : (
                  <Figure to="/qa" overdue={p.qaOverdue}>
                    None yet
                  </Figure>
                )}
              </Table.Td>
              <Table.Td>
                <Figure to="/qa" overdue={p.actionsOverdue}>
                  {p.openActions}
                </Figure>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

export function OversightTable({ pack }: { pack: InspectionPack }) {
  const percent = (value: number | null) => (value === null ? 'No marks' : `${value}%`);
  return (
    <TableScroll label="Oversight of each placement" minWidth={960}>
      <Table striped>
        <HeaderRow
          names={[
            'Pupil',
            'Attendance this term',
            'This year',
            'Last review',
            'Next review',
            'Open safeguarding concerns',
            'Last pupil voice',
          ]}
        />
        <Table.Tbody>
          {pack.placements.map((p) => (
            <Table.Tr key={p.placementId}>
              <Table.Th scope="row">
                <Figure to={p.link}>{p.pupilName}</Figure>
                <Text size="sm">at {p.providerName}</Text>
              </Table.Th>
              <Table.Td>
                <Figure to={p.attendanceLink}>{percent(p.attendanceTerm)}</Figure>
              </Table.Td>
              <Table.Td>
                <Figure to={p.attendanceLink}>{percent(p.attendanceYear)}</Figure>
              </Table.Td>
              <Table.Td>
                <Figure to={p.link}>{maybeDateInWords(p.lastReviewOn, 'None yet')}</Figure>
              </Table.Td>
              <Table.Td>
                <Figure to={p.link} overdue={p.reviewOverdue}>
                  {maybeDateInWords(p.nextReviewOn, 'None scheduled')}
                </Figure>
              </Table.Td>
              <Table.Td>
                <Figure to="/incidents">{p.openSafeguardingConcerns}</Figure>
              </Table.Td>
              <Table.Td>
                <Figure to={p.link}>{maybeDateInWords(p.lastPupilVoiceOn, 'None yet')}</Figure>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
