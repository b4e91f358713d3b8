import { Button, Card, Group, List, Stack, Text, Textarea, ThemeIcon, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { type Provider, useDecision } from './providers.api.ts';

type Decision = 'approved' | 'suspended' | 'withdrawn' | 'reinstated';

/** The Appendix 3 checks, what is done and what is missing, and the headteacher's decision. */
export function ApprovalCard({ provider, canDecide }: { provider: Provider; canDecide: boolean }) {
  const [reason, setReason] = useState('');
  const decision = useDecision(provider.id);
  const decide = (kind: Decision) =>
    decision.mutate(
      { kind, reason },
      {
        onSuccess: () => {
          setReason('');
          notifySuccess(
            {
              approved: 'Provider approved.',
              suspended: 'Provider suspended.',
              withdrawn: 'Provider withdrawn.',
              reinstated: 'Provider reinstated.',
            }[kind],
          );
        },
      },
    );
  const reasonError = decision.error instanceof ApiError ? decision.error.fieldErrors().reason : undefined;
  const { status } = provider;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Approval (Appendix 3)
      </Title>
      <List spacing="xs" mb="md" listStyleType="none">
        {provider.approval.steps.map((step) => (
          <List.Item
            key={step.id}
            icon={
              <ThemeIcon size={22} radius="xl" color={step.done ? '#1e6b30' : 'red.9'} aria-hidden="true">
                {step.done ? '✓' : '✗'}
              </ThemeIcon>
            }
          >
            <Text fw={600} span>
              {step.label}
            </Text>
            <Text size="sm">
              <span className="visually-hidden">{step.done ? 'Done. ' : 'Not done. '}</span>
              {step.detail}
            </Text>
          </List.Item>
        ))}
      </List>
      {canDecide && (
        <Stack gap="sm">
          {decision.error && !reasonError && (
            <ErrorAlert error={decision.error} title="The decision was not recorded" />
          )}
          {provider.approval.readyForSignOff && (status === 'ready_for_approval' || status === 'lapsed') && (
            <Text>Every check is met: the provider is ready for your approval.</Text>
          )}
          <Textarea
            label="Reason"
            description="Needed to suspend or withdraw a provider"
            autosize
            minRows={1}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonError}
          />
          <Group>
            {status !== 'approved' && status !== 'suspended' && status !== 'withdrawn' && (
              <Button
                onClick={() => decide('approved')}
                loading={decision.isPending && decision.variables?.kind === 'approved'}
              >
                Approve provider
              </Button>
            )}
            {status === 'suspended' && (
              <Button onClick={() => decide('reinstated')} loading={decision.isPending}>
                Reinstate
              </Button>
            )}
            {status !== 'suspended' && status !== 'withdrawn' && (
              <Button
                variant="outline"
                color="red.9"
                onClick={() => decide('suspended')}
                loading={decision.isPending && decision.variables?.kind === 'suspended'}
              >
                Suspend
              </Button>
            )}
            {status !== 'withdrawn' && (
              <Button
                variant="outline"
                color="red.9"
                onClick={() => decide('withdrawn')}
                loading={decision.isPending && decision.variables?.kind === 'withdrawn'}
              >
                Withdraw
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Card>
  );
}
