import { Card, Group, Select, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { academicYearOf, dateInWords, shiftAcademicYear, todayInLondon } from '@waymark/domain';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { HeaderRow } from '../../ui/HeaderRow.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SchoolSelect } from '../../ui/SchoolSelect.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useChoicesInAddress } from '../../ui/useChoicesInAddress.ts';
import { can, useCurrentSession } from '../auth/session.ts';
import { useOrganisation } from '../organisation/organisation.api.ts';
import { BankHolidayImport } from './BankHolidayImport.tsx';
import { useTermDates } from './calendar.api.ts';
import { DayChecker } from './DayChecker.tsx';
import { TermDatesEditor } from './TermDatesEditor.tsx';

function neighbouringYears(current: string): string[] {
  return [-1, 0, 1].map((n) => shiftAcademicYear(current, n));
}

export function TermDatesPage() {
  const session = useCurrentSession();
  const { data: organisation, error: organisationError } = useOrganisation();
  // The choice lives in the address, so a reload or a shared link shows the same school and year.
  const [params, choose] = useChoicesInAddress<'school' | 'year'>();
  const academicYear = params.get('year') ?? academicYearOf(todayInLondon());
  const schoolId = params.get('school') ?? organisation?.schools[0]?.id ?? null;
  const termDates = useTermDates(schoolId, academicYear);
  const years = [
    ...new Set([
      ...neighbouringYears(academicYearOf(todayInLondon())),
      ...(termDates.data?.availableYears ?? []),
    ]),
  ].sort();

  return (
    <>
      <PageHeader
        title="Term dates"
        description="Each school’s half-terms, INSET and closure days decide what counts as a school day."
      />
      <ErrorAlert error={organisationError} />
      <Group mb="lg" align="flex-end" wrap="wrap">
        <SchoolSelect
          schools={organisation?.schools}
          value={schoolId}
          onChange={(value) => choose('school', value)}
          allowDeselect={false}
        />
        <Select
          label="Academic year"
          data={years}
          value={academicYear}
          onChange={(value) => choose('year', value)}
          allowDeselect={false}
        />
      </Group>
      <ErrorAlert error={termDates.error} title="Term dates could not be loaded" />
      {termDates.isPending && schoolId ? (
        <Loading label="Loading term dates" />
      ) : (
        termDates.data && (
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <Card withBorder padding="lg">
              <Title order={2} size="h4" mb="sm">
                Half-terms {termDates.data.academicYear}
              </Title>
              {termDates.data.halfTerms.length === 0 ? (
                <Text>No term dates are entered for this year yet.</Text>
              ) : (
                <TableScroll label="Half-terms" minWidth={420}>
                  <Table>
                    <HeaderRow names={['Half-term', 'First day', 'Last day', 'School days']} />
                    <Table.Tbody>
                      {termDates.data.halfTerms.map((h) => (
                        <Table.Tr key={h.label}>
                          <Table.Th scope="row">{h.label}</Table.Th>
                          <Table.Td>{dateInWords(h.startsOn, { weekday: true })}</Table.Td>
                          <Table.Td>{dateInWords(h.endsOn, { weekday: true })}</Table.Td>
                          <Table.Td>{h.schoolDays}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                    <Table.Tfoot>
                      <Table.Tr>
                        <Table.Th scope="row" colSpan={3}>
                          Pupil days in the year
                        </Table.Th>
                        <Table.Td fw={700}>{termDates.data.totalSchoolDays}</Table.Td>
                      </Table.Tr>
                    </Table.Tfoot>
                  </Table>
                </TableScroll>
              )}
            </Card>
            <Card withBorder padding="lg">
              <Title order={2} size="h4" mb="sm">
                Days pupils are not in school during term
              </Title>
              <TableScroll label="Days off in term" minWidth={420}>
                <Table>
                  <HeaderRow names={['Date', 'Why']} />
                  <Table.Tbody>
                    {[
                      ...termDates.data.closureDays.map((c) => ({
                        date: c.date,
                        why:
                          c.kind === 'inset'
                            ? `INSET day${c.note && c.note !== 'INSET day' ? `: ${c.note}` : ''}`
                            : `Closure: ${c.note}`,
                      })),
                      ...termDates.data.bankHolidays.map((b) => ({
                        date: b.date,
                        why: `Bank holiday: ${b.title}`,
                      })),
                    ]
                      // Only days that fall inside term: Christmas Day is in the holiday already.
                      .filter((row) =>
                        termDates.data.halfTerms.some((h) => h.startsOn <= row.date && row.date <= h.endsOn),
                      )
                      .sort((a, b) => a.date.localeCompare(b.date))
                      .map((row) => (
                        <Table.Tr key={row.date + row.why}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            {dateInWords(row.date, { weekday: true })}
                          </Table.Td>
                          <Table.Td>{row.why}</Table.Td>
                        </Table.Tr>
                      ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            </Card>
            {schoolId && <DayChecker schoolId={schoolId} />}
            {can(session, 'bank_holidays.manage') && <BankHolidayImport />}
            {schoolId && can(session, 'term_dates.manage') && (
              <TermDatesEditor
                key={`${schoolId}-${academicYear}`}
                schoolId={schoolId}
                termDates={termDates.data}
              />
            )}
          </SimpleGrid>
        )
      )}
    </>
  );
}
