import { Group, List, Text, Title } from '@mantine/core';
import { dateInWords } from '@waymark/domain';
import { Tag } from '../../ui/Tag.tsx';
import type { Placement } from './placements.api.ts';
import { EhcpArrangedForm } from './ReviewsCard.tsx';

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** The timetable's history on the plan card: each change from its day, and the EHCP review it asked for. */
export function TermChangesList({ placement, canManage }: { placement: Placement; canManage: boolean }) {
  if (!placement.termChanges.length) return null;
  return (
    <>
      <Title order={3} size="h5" mt="md" mb="xs">
        Timetable changes
      </Title>
      <List spacing="xs" listStyleType="none">
        {[...placement.termChanges].reverse().map((c) => (
          <List.Item key={c.id}>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                From {dateInWords(c.effectiveFrom, { weekday: true })}
              </Text>
              <Text size="sm">
                {days(c.daysBefore)}, {c.hoursBefore} hours a week → {days(c.daysAfter)}, {c.hoursAfter} hours
                a week. {c.reason} ({c.changedBy})
              </Text>
              {c.ehcpReviewRequired &&
                (c.ehcpReviewArrangedOn ? (
                  <Tag tone="positive">EHCP review arranged {dateInWords(c.ehcpReviewArrangedOn)}</Tag>
                ) : (
                  <Tag tone="warning">EHCP review required: AP lead to arrange</Tag>
                ))}
            </Group>
            {canManage && c.ehcpReviewRequired && !c.ehcpReviewArrangedOn && (
              <EhcpArrangedForm placement={placement} path={`timetable-changes/${c.id}`} />
            )}
          </List.Item>
        ))}
      </List>
    </>
  );
}
