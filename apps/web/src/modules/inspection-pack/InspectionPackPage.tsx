import { Anchor, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { dateInWords, todayInLondon } from '@waymark/domain';
import { Link } from 'react-router';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SchoolSelect } from '../../ui/SchoolSelect.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useChoicesInAddress } from '../../ui/useChoicesInAddress.ts';
import { useOrganisation } from '../organisation/organisation.api.ts';
import { useInspectionPack } from './inspection-pack.api.ts';
import { OversightTable, ProvidersTable, PupilsTable } from './PackTables.tsx';

/**
 * What an inspector asks for at the start of an inspection, in one click: every pupil educated
 * off-site on a day, their providers' assurance, the school's oversight and what is overdue.
 */
export function InspectionPackPage() {
  const { data: organisation, error: organisationError } = useOrganisation();
  const [params, choose] = useChoicesInAddress<'school' | 'date'>();
  const schoolId = params.get('school') ?? organisation?.schools[0]?.id ?? null;
  const date = params.get('date') ?? todayInLondon();
  const query = schoolId ? `school=${schoolId}&date=${date}` : '';
  const pack = useInspectionPack(schoolId, date);

  return (
    <>
      <PageHeader
        title="Inspection pack"
        description="Every pupil educated off-site on the day, and the school’s oversight of each placement. Each figure opens its record; generating the pack is logged."
      />
      <ErrorAlert error={organisationError} />
      <Group mb="lg" align="flex-end" wrap="wrap">
        <SchoolSelect
          schools={organisation?.schools}
          value={schoolId}
          onChange={(value) => choose('school', value)}
          allowDeselect={false}
        />
        <DateField
          label="Pupils in AP on"
          value={date}
          max={todayInLondon()}
          onChange={(value) => choose('date', value)}
        />
        {pack.data && (
          <Group gap="md">
            <Anchor href={`/api/inspection-pack/pdf?${query}`}>Download the PDF</Anchor>
            <Anchor href={`/api/inspection-pack/xlsx?${query}`}>Download the workbook (XLSX)</Anchor>
          </Group>
        )}
      </Group>
      <ErrorAlert error={pack.error} title="The pack could not be made" />
      {pack.isPending && schoolId ? (
        <Loading label="Making the pack" />
      ) : (
        pack.data && (
          <Stack gap="lg">
            <Card withBorder padding="lg" component="section" aria-labelledby="pack-overdue">
              <Group gap="xs" mb="xs">
                <Title order={2} size="h4" id="pack-overdue">
                  Overdue
                </Title>
                <Tag tone={pack.data.overdue.length ? 'danger' : 'positive'}>{pack.data.overdue.length}</Tag>
              </Group>
              {pack.data.overdue.length === 0 ? (
                <Text>Nothing is overdue.</Text>
              ) : (
                <List spacing={4}>
                  {pack.data.overdue.map((o) => (
                    <List.Item key={`${o.link} ${o.title}`}>
                      <Anchor component={Link} to={o.link}>
                        {o.title}
                      </Anchor>{' '}
                      <Text span size="sm">
                        was due {dateInWords(o.dueOn)}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </Card>
            <Card withBorder padding="lg" component="section" aria-labelledby="pack-pupils">
              <Title order={2} size="h4" id="pack-pupils" mb="xs">
                Pupils in alternative provision on {dateInWords(pack.data.date)} ({pack.data.pupils.length})
              </Title>
              {pack.data.pupils.length ? (
                <PupilsTable pack={pack.data} />
              ) : (
                <Text>No pupil of {pack.data.school.name} was in alternative provision that day.</Text>
              )}
            </Card>
            <Card withBorder padding="lg" component="section" aria-labelledby="pack-providers">
              <Title order={2} size="h4" id="pack-providers" mb="xs">
                Providers ({pack.data.providers.length})
              </Title>
              {pack.data.providers.length ? (
                <ProvidersTable pack={pack.data} />
              ) : (
                <Text>
                  No provider had a pupil of {pack.data.school.name} that day. Providers are listed here once
                  a placement with them has started; the{' '}
                  <Anchor component={Link} to="/providers">
                    provider directory
                  </Anchor>{' '}
                  holds every provider's checks.
                </Text>
              )}
            </Card>
            <Card withBorder padding="lg" component="section" aria-labelledby="pack-oversight">
              <Title order={2} size="h4" id="pack-oversight" mb="xs">
                Oversight of each placement
              </Title>
              <Text size="sm" mb="xs">
                Attendance this term from {pack.data.termFrom ?? '—'}, this year from{' '}
                {pack.data.yearFrom ?? '—'}. Safeguarding concerns are counted here; DSLs read them on the
                concerns pages.
              </Text>
              {pack.data.placements.length ? (
                <OversightTable pack={pack.data} />
              ) : (
                <Text>
                  Each placement live that day is listed here with its attendance, reviews, concerns and pupil
                  voice; there were none. Placements start from the{' '}
                  <Anchor component={Link} to="/placements">
                    placements
                  </Anchor>{' '}
                  page.
                </Text>
              )}
            </Card>
          </Stack>
        )
      )}
    </>
  );
}
