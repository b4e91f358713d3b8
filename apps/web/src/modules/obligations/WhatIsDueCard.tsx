import { Anchor, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { dateInWords, obligationKinds, roles } from '@waymark/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { type Urgency, useWhatIsDue, type WhatIsDue } from './obligations.api.ts';

const sections: { urgency: Urgency; title: string; tone: 'danger' | 'warning' | 'info' | 'neutral' }[] = [
  { urgency: 'overdue', title: 'Overdue', tone: 'danger' },
  { urgency: 'today', title: 'Due today', tone: 'warning' },
  { urgency: 'this_week', title: 'This week', tone: 'info' },
  { urgency: 'later', title: 'Later', tone: 'neutral' },
];

/** The home page's board: every duty for you, overdue first, each with a link to where it is done. */
export function WhatIsDueCard() {
  // For those who look after several schools: one school's duties (or the group's own), or all.
  const [school, setSchool] = useState<{ key: string; name: string } | null>(null);
  const board = useWhatIsDue(school?.key ?? null);
  if (board.isPending) return <Loading label="Loading what is due" />;
  if (board.error) return <ErrorAlert error={board.error} title="What is due could not be loaded" />;
  const { items, total, counts, perSchool } = board.data;
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h3">
          What is due
        </Title>
        <Group gap="xs">
          {/* A count of nothing is not an alarm: only what is there takes the colour. */}
          <Tag tone={counts.overdue ? 'danger' : 'neutral'}>{counts.overdue} overdue</Tag>
          <Tag tone={counts.today ? 'warning' : 'neutral'}>{counts.today} today</Tag>
          <Tag tone={counts.thisWeek ? 'info' : 'neutral'}>{counts.thisWeek} this week</Tag>
        </Group>
      </Group>
      {items.every((i) => i.forOthers) && (
        <Text>Nothing is due. Everything you look after is up to date.</Text>
      )}
      {perSchool.length > 1 && (
        <DataTable
          label="What is due by school"
          minWidth={360}
          mb="md"
          striped
          headers={['School', 'Overdue', 'All due']}
          rows={perSchool}
          row={(s) => (
            <Table.Tr key={s.schoolId ?? 'group'}>
              <Table.Th scope="row">
                <Anchor
                  component="button"
                  type="button"
                  aria-pressed={school?.key === (s.schoolId ?? 'group')}
                  onClick={() => setSchool({ key: s.schoolId ?? 'group', name: s.schoolName })}
                >
                  {s.schoolName}
                </Anchor>
              </Table.Th>
              <Table.Td>{s.overdue}</Table.Td>
              <Table.Td>{s.total}</Table.Td>
            </Table.Tr>
          )}
        />
      )}
      {school && (
        <Group gap="xs" mb="sm">
          <Text>Showing {school.name} only.</Text>
          <Button variant="subtle" size="compact-sm" onClick={() => setSchool(null)}>
            Show every school
          </Button>
        </Group>
      )}
      {total > items.length && (
        <Text size="sm" mb="sm">
          The {items.length} most urgent of {total.toLocaleString('en-GB')} are listed
          {perSchool.length > 1 ? '; choose a school above to see all of its duties' : ''}.
        </Text>
      )}
      <Stack gap="md">
        {sections.map(({ urgency, title, tone }) => {
          const inSection = items.filter((i) => i.urgency === urgency && !i.forOthers);
          if (!inSection.length) return null;
          return (
            <section key={urgency} aria-labelledby={`due-${urgency}`}>
              <Group gap="xs" mb={4}>
                <Title order={3} size="h5" id={`due-${urgency}`}>
                  {title}
                </Title>
                <Tag tone={tone}>{counts[urgency === 'this_week' ? 'thisWeek' : urgency]}</Tag>
              </Group>
              <DutyList items={inSection} />
            </section>
          );
        })}
        {counts.forOthers > 0 && (
          <section aria-labelledby="due-for-others">
            <Group gap="xs" mb={4}>
              <Title order={3} size="h5" id="due-for-others">
                For others
              </Title>
              <Tag tone="neutral">{counts.forOthers}</Tag>
            </Group>
            <Text size="sm" c="dimmed" mb={4}>
              Duties another role holds, for you to see; they are not counted above.
            </Text>
            <DutyList items={items.filter((i) => i.forOthers)} />
          </section>
        )}
      </Stack>
    </Card>
  );
}

function DutyList({ items }: { items: WhatIsDue['items'] }) {
  return (
    <List spacing={4}>
      {items.map((i) => (
        <List.Item key={`${i.kind} ${i.link} ${i.title}`}>
          <Anchor component={Link} to={i.link}>
            {i.title}
          </Anchor>{' '}
          <Text span size="sm" c="dimmed">
            {obligationKinds[i.kind].label}, due {dateInWords(i.dueOn)}
            {i.schoolName ? `, ${i.schoolName}` : ''} · {roles[i.owner].label}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
