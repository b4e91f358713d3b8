import { Card, Radio, Stack, Text, Title } from '@mantine/core';
import type { DeliveryMode } from '@waymark/domain';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { useNotificationPreferences } from './account.api.ts';

/** Per kind of email: at once, or in one digest at 07:00. Urgent kinds are always sent at once. */
export function NotificationsCard() {
  const { preferences, choose } = useNotificationPreferences();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Email notifications
      </Title>
      <Text mb="md">
        Have each kind of email at once, or together in one email at 07:00. Urgent ones always come at once.
      </Text>
      <ErrorAlert error={preferences.error ?? choose.error} />
      {preferences.isPending ? (
        <Loading label="Loading" />
      ) : (
        <Stack gap="md">
          {preferences.data?.preferences.map((p) =>
            p.urgent ? (
              <Text key={p.kind}>
                <strong>{p.label}</strong>: always at once
              </Text>
            ) : (
              <Radio.Group
                key={p.kind}
                label={p.label}
                value={p.mode}
                onChange={(mode) =>
                  choose.mutate(
                    { kind: p.kind, mode: mode as DeliveryMode },
                    { onSuccess: () => notifySuccess('Saved.') },
                  )
                }
              >
                <Stack gap={4} mt={4}>
                  <Radio value="immediate" label="At once" disabled={choose.isPending} />
                  <Radio value="digest" label="In the daily digest" disabled={choose.isPending} />
                </Stack>
              </Radio.Group>
            ),
          )}
        </Stack>
      )}
    </Card>
  );
}
