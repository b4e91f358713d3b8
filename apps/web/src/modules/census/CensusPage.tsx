import { Alert, Anchor, Card, Group, List, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type CensusTerm, censusTerms } from '@waymark/domain';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';

interface Census {
  schoolName: string;
  censusDay: string;
  period: { from: string; to: string };
  records: {
    placementId: string;
    upn: string;
    pupilName: string;
    urn: string | null;
    ukprn: string | null;
    setting: string | null;
    entryDate: string;
    leavingDate: string | null;
    reason: string;
    attendancePattern: 'FT' | 'PT';
  }[];
  problems: { rule: string; placementId: string | null; message: string }[];
}

const termLabels: Record<CensusTerm, string> = { autumn: 'Autumn', spring: 'Spring', summer: 'Summer' };

/** The school census return of AP placements: checked before it goes into the MIS. */
export function CensusPage() {
  const organisation = useQuery({
    queryKey: ['organisation'],
    queryFn: () => api<{ schools: { id: string; name: string }[] }>('GET', '/api/organisation'),
  });
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const [academicYear, setAcademicYear] = useState('2026/27');
  const [term, setTerm] = useState<CensusTerm>('autumn');
  const school = schoolId ?? organisation.data?.schools[0]?.id ?? null;
  const query = `schoolId=${school}&academicYear=${encodeURIComponent(academicYear)}&term=${term}`;
  const census = useQuery({
    queryKey: ['census', school, academicYear, term],
    queryFn: () => api<Census>('GET', `/api/census?${query}`),
    enabled: Boolean(school) && /^\d{4}\/\d{2}$/.test(academicYear),
  });
  return (
    <>
      <PageHeader
        title="School census: AP placements"
        description="Every off-site placement the school arranged that was active in the census's collection period, with exactly one of URN, UKPRN or AP setting type. Fix what is listed before the return."
      />
      <Stack>
        <Group align="flex-end" wrap="wrap">
          <Select
            label="School"
            data={(organisation.data?.schools ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={school}
            onChange={setSchoolId}
          />
          <TextInput
            label="Academic year"
            value={academicYear}
            onChange={(e) => setAcademicYear(e.currentTarget.value)}
          />
          <Select
            label="Census"
            data={censusTerms.map((t) => ({ value: t, label: termLabels[t] }))}
            value={term}
            onChange={(v) => v && setTerm(v as CensusTerm)}
          />
        </Group>
        <ErrorAlert error={census.error ?? organisation.error} />
        {census.isPending && census.fetchStatus !== 'idle' && <Loading label="Preparing the return" />}
        {census.data && (
          <Card withBorder padding="lg">
            <Text mb="sm">
              Census day {census.data.censusDay}; placements active from {census.data.period.from} to{' '}
              {census.data.period.to}. <Anchor href={`/api/census/return.csv?${query}`}>Download CSV</Anchor>{' '}
              · <Anchor href={`/api/census/return.xml?${query}`}>Download XML</Anchor>
            </Text>
            {census.data.problems.length > 0 && (
              <Alert color="red.9" variant="outline" title="To fix before the return" mb="md">
                <List>
                  {census.data.problems.map((p) => (
                    <List.Item key={`${p.rule} ${p.placementId}`}>
                      {p.rule}: {p.message}{' '}
                      {p.placementId && (
                        <Anchor href={`/placements/${p.placementId}`}>Open the placement</Anchor>
                      )}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {census.data.records.length > 0 && (
              <TableScroll label="Census records" minWidth={760}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>UPN</Table.Th>
                      <Table.Th>Pupil</Table.Th>
                      <Table.Th>URN / UKPRN / setting</Table.Th>
                      <Table.Th>Entry</Table.Th>
                      <Table.Th>Leaving</Table.Th>
                      <Table.Th>Reason</Table.Th>
                      <Table.Th>Pattern</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {census.data.records.map((r) => (
                      <Table.Tr key={r.placementId}>
                        <Table.Td>{r.upn}</Table.Td>
                        <Table.Td>{r.pupilName}</Table.Td>
                        <Table.Td>{r.urn ?? r.ukprn ?? r.setting ?? 'Missing'}</Table.Td>
                        <Table.Td>{r.entryDate}</Table.Td>
                        <Table.Td>{r.leavingDate ?? ''}</Table.Td>
                        <Table.Td>{r.reason}</Table.Td>
                        <Table.Td>{r.attendancePattern === 'FT' ? 'Full-time' : 'Part-time'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
          </Card>
        )}
      </Stack>
    </>
  );
}
