import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import {
  type CensusTerm,
  censusTermLabels,
  censusTerms,
  dateInWords,
  maybeDateInWords,
  todayInLondon,
} from '@waymark/domain';
import { useEffect, useState } from 'react';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { HeaderRow } from '../../ui/HeaderRow.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SchoolSelect } from '../../ui/SchoolSelect.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { can, useCurrentSession } from '../auth/session.ts';
import { useOrganisation } from '../organisation/organisation.api.ts';
import { type Census, useCensus, useNextCensus, useRecordCensusReturn } from './census.api.ts';

/** The school census return of AP placements: checked before it goes into the MIS. */
export function CensusPage() {
  const organisation = useOrganisation();
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const [academicYear, setAcademicYear] = useState('');
  const [term, setTerm] = useState<CensusTerm>('autumn');
  const school = schoolId ?? organisation.data?.schools[0]?.id ?? null;
  // Each school opens on its next census not yet returned; the reader may then choose another.
  const next = useNextCensus(school);
  useEffect(() => {
    if (!next.data) return;
    setAcademicYear(next.data.academicYear);
    setTerm(next.data.term);
  }, [next.data]);
  const query = `schoolId=${school}&academicYear=${encodeURIComponent(academicYear)}&term=${term}`;
  const census = useCensus(school, academicYear, term);
  return (
    <>
      <PageHeader
        title="School census: AP placements"
        description="Every off-site placement the school arranged that was active in the census's collection period, with exactly one of URN, UKPRN or AP setting type. Fix what is listed before the return."
      />
      <Stack>
        <Group align="flex-end" wrap="wrap">
          <SchoolSelect schools={organisation.data?.schools} value={school} onChange={setSchoolId} />
          <TextInput
            label="Academic year"
            value={academicYear}
            onChange={(e) => setAcademicYear(e.currentTarget.value)}
          />
          <Select
            label="Census"
            data={censusTerms.map((t) => ({ value: t, label: censusTermLabels[t] }))}
            value={term}
            onChange={(v) => v && setTerm(v as CensusTerm)}
          />
        </Group>
        <ErrorAlert error={census.error ?? next.error ?? organisation.error} />
        {census.isPending && census.fetchStatus !== 'idle' && <Loading label="Preparing the return" />}
        {census.data && (
          <Card withBorder padding="lg">
            <Text mb="sm">
              Census day {dateInWords(census.data.censusDay)}; placements active from{' '}
              {dateInWords(census.data.period.from)} to {dateInWords(census.data.period.to)}.{' '}
              <Anchor href={`/api/census/return.csv?${query}`}>Download CSV</Anchor> ·{' '}
              <Anchor href={`/api/census/return.xml?${query}`}>Download XML</Anchor>
            </Text>
            <ReturnStatus census={census.data} query={{ schoolId: school!, academicYear, term }} />
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
                  <HeaderRow
                    names={['UPN', 'Pupil', 'URN / UKPRN / setting', 'Entry', 'Leaving', 'Reason', 'Pattern']}
                  />
                  <Table.Tbody>
                    {census.data.records.map((r) => (
                      <Table.Tr key={r.placementId}>
                        <Table.Td>{r.upn}</Table.Td>
                        <Table.Td>{r.pupilName}</Table.Td>
                        <Table.Td>{r.urn ?? r.ukprn ?? r.setting ?? 'Missing'}</Table.Td>
                        <Table.Td>{dateInWords(r.entryDate)}</Table.Td>
                        <Table.Td>{maybeDateInWords(r.leavingDate, '')}</Table.Td>
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

/**
 * Whether the census was returned, and from census day the two ways to record it: returned with its
 * placements (nothing left to fix), or no AP arranged in the period (answers 4015Q). The server checks.
 */
function ReturnStatus({
  census,
  query,
}: {
  census: Census;
  query: { schoolId: string; academicYear: string; term: CensusTerm };
}) {
  const session = useCurrentSession();
  const record = useRecordCensusReturn(query);
  const recordAs = (kind: 'returned' | 'none_arranged') =>
    record.mutate(kind, { onSuccess: () => notifySuccess('Recorded.') });
  if (census.returned)
    return (
      <Text mb="md">
        {census.returned.kind === 'none_arranged'
          ? 'Confirmed: no AP was arranged in the collection period'
          : `Returned with ${census.returned.placements} ${census.returned.placements === 1 ? 'placement' : 'placements'}`}{' '}
        — {census.returned.confirmedByName}, {census.returned.confirmedAt.slice(0, 10)}.
      </Text>
    );
  if (!can(session, 'placements.manage')) return null;
  if (todayInLondon(new Date()) < census.censusDay)
    return (
      <Text mb="md">
        Not yet recorded as returned: record it here from census day, {dateInWords(census.censusDay)}.
      </Text>
    );
  return (
    <Stack gap="xs" mb="md">
      <Text>Not yet recorded as returned. Once the check below is clear, record it:</Text>
      <ErrorAlert error={record.error} title="Not recorded" />
      <Group>
        {census.records.length > 0 ? (
          <Button variant="outline" onClick={() => recordAs('returned')} loading={record.isPending}>
            Record the census as returned
          </Button>
        ) : (
          <Button variant="outline" onClick={() => recordAs('none_arranged')} loading={record.isPending}>
            Confirm no AP was arranged
          </Button>
        )}
      </Group>
    </Stack>
  );
}
