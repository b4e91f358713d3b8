import { Button, Card, Group, List, Stack, Text, Textarea, ThemeIcon, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import type { Provider } from './providers.api.ts';

type Decision = 'approved' | 'suspended' | 'withdrawn' | 'reinstated';

/** The Appendix 3 checks, what is done and what is missing, and the headteacher's decision. */
export function ApprovalCard({ provider, canDecide }: { provider: Provider; canDecide: boolean }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (kind: Decision) =>
      api<Provider>('POST', `/api/providers/${provider.id}/decisions`, { kind, reason }),
    onSuccess: (saved, kind) => {
      queryClient.setQueryData(['providers', provider.id], saved);
      queryClient.invalidateQueries({ queryKey: ['providers'] });
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
  });
  const reasonError = decide.error instanceof ApiError ? decide.error.fieldErrors().reason : undefined;
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
          {decide.error && !reasonError && (
            <ErrorAlert error={decide.error} title="The decision was not recorded" />
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
                onClick={() => decide.mutate('approved')}
                loading={decide.isPending && decide.variables === 'approved'}
              >
                Approve provider
              </Button>
            )}
            {status === 'suspended' && (
              <Button onClick={() => decide.mutate('reinstated')} loading={decide.isPending}>
                Reinstate
              </Button>
            )}
            {status !== 'suspended' && status !== 'withdrawn' && (
              <Button
                variant="outline"
                color="red.9"
                onClick={() => decide.mutate('suspended')}
                loading={decide.isPending && decide.variables === 'suspended'}
              >
                Suspend
              </Button>
            )}
            {status !== 'withdrawn' && (
              <Button
                variant="outline"
                color="red.9"
                onClick={() => decide.mutate('withdrawn')}
                loading={decide.isPending && decide.variables === 'withdrawn'}
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
