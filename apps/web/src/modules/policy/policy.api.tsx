import { Anchor, Card, Group, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { PolicyReviewState } from '@waymark/domain';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { Tag } from '../../ui/Tag.tsx';

export interface PolicyVersion {
  id: string;
  policyNumber: string;
  issueNumber: string;
  issuedOn: string;
  author: string;
  approver: string;
  nextReviewOn: string;
  changes: string;
  auditTemplateVersion: number;
  qaTemplateVersion: number;
}
export interface PolicyOverview {
  current: (PolicyVersion & { review: PolicyReviewState }) | null;
  versions: PolicyVersion[];
}

export const policyKey = ['policy'];

export function ReviewTag({ review }: { review: PolicyReviewState }) {
  if (review === 'overdue') return <Tag tone="danger">Review overdue</Tag>;
  if (review === 'due_soon') return <Tag tone="warning">Review due soon</Tag>;
  return <Tag tone="positive">In date</Tag>;
}

/** On the home page: a reminder when the policy's annual review is due or overdue. */
export function PolicyReviewReminder() {
  const policy = useQuery({ queryKey: policyKey, queryFn: () => api<PolicyOverview>('GET', '/api/policy') });
  const current = policy.data?.current;
  if (!current || current.review === 'in_date') return null;
  return (
    <Card withBorder padding="lg">
      <Group gap="sm" mb="xs">
        <Title order={2} size="h4">
          The AP policy's annual review
        </Title>
        <ReviewTag review={current.review} />
      </Group>
      <Text>
        Issue {current.issueNumber} of {current.policyNumber} is due for review on {current.nextReviewOn}.{' '}
        <Anchor component={Link} to="/policy">
          See the policy
        </Anchor>
      </Text>
    </Card>
  );
}
