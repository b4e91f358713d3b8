import { Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { sessionQueryKey, useCurrentSession } from '../auth/session.ts';
import { accountCalls } from './account.api.ts';
import { CalendarFeedCard } from './CalendarFeedCard.tsx';
import { NotificationsCard } from './NotificationsCard.tsx';
import { SecondFactorCard } from './SecondFactorCard.tsx';

export function AccountPage() {
  const session = useCurrentSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: { newPassword: (v) => (v.length >= 12 ? null : 'Use at least 12 characters') },
  });
  const changePassword = useMutation({
    mutationFn: accountCalls.changePassword,
    onSuccess: () => {
      form.reset();
      notifySuccess('Password changed. Other devices were signed out.');
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        form.setErrors(
          error.code === 'auth.wrong_current_password'
            ? { currentPassword: error.message }
            : error.fieldErrors(),
        );
      }
    },
  });
  const signOutEverywhere = useMutation({
    mutationFn: accountCalls.signOutEverywhere,
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, { session: null });
      navigate('/sign-in');
    },
  });

  return (
    <>
      <PageHeader title="Your account" description={`${session.user.displayName} · ${session.user.email}`} />
      <Stack maw={560} gap="lg">
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">
            Change your password
          </Title>
          <form onSubmit={form.onSubmit((values) => changePassword.mutate(values))} noValidate>
            <Stack>
              {changePassword.error &&
                !(changePassword.error instanceof ApiError && changePassword.error.status === 400) && (
                  <ErrorAlert error={changePassword.error} />
                )}
              <PasswordInput
                label="Current password"
                autoComplete="current-password"
                required
                {...form.getInputProps('currentPassword')}
              />
              <PasswordInput
                label="New password"
                description="At least 12 characters. A few unrelated words make a strong one."
                autoComplete="new-password"
                required
                {...form.getInputProps('newPassword')}
              />
              <Button type="submit" loading={changePassword.isPending} w="fit-content">
                Change password
              </Button>
            </Stack>
          </form>
        </Card>
        <SecondFactorCard />
        <NotificationsCard />
        <CalendarFeedCard />
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">
            Sign out everywhere
          </Title>
          <Text mb="md">
            Ends your sessions on every device, including this one. Use it if you lose a phone or signed in on
            a shared computer.
          </Text>
          <ErrorAlert error={signOutEverywhere.error} />
          <Button
            variant="outline"
            color="red.9"
            onClick={() => signOutEverywhere.mutate()}
            loading={signOutEverywhere.isPending}
          >
            Sign out of every device
          </Button>
        </Card>
      </Stack>
    </>
  );
}
