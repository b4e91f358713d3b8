import { Alert, Button, Container, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { Loading } from '../../ui/Feedback.tsx';
import { useAcceptInvitation, useInvitation } from '../invitations/invitations.api.ts';
import { sessionQueryKey, useSession } from './session.ts';

const MIN_LENGTH = 12;

/** Where an invitation link lands: the person chooses a password and is signed in straight away. */
export function InvitationPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(() => {
    document.title = 'Choose your password – Waymark';
  }, []);
  // Fetching the session sets the CSRF cookie that the password form must echo.
  const session = useSession();
  const invitation = useInvitation(token);
  const form = useForm({
    initialValues: { password: '', confirmation: '' },
    validate: {
      password: (v) => (v.length >= MIN_LENGTH ? null : `Use at least ${MIN_LENGTH} characters`),
      confirmation: (v, values) => (v === values.password ? null : 'The two passwords are not the same'),
    },
  });
  const accept = useAcceptInvitation(token);
  const choose = (values: typeof form.values) =>
    accept.mutate(values, {
      onSuccess: (result) => {
        queryClient.setQueryData(sessionQueryKey, result);
        navigate('/', { replace: true });
      },
      onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
    });

  return (
    <Container size={460} py={60} component="main">
      <Title order={1} ta="center" c="blue.9" mb="lg">
        Waymark
      </Title>
      <Paper withBorder shadow="sm" p="lg" radius="md">
        {invitation.isPending || session.isPending ? (
          <Loading label="Checking your invitation" />
        ) : invitation.error ? (
          <Stack>
            <Title order={2} size="h3">
              This link cannot be used
            </Title>
            <Alert color="red" role="alert">
              {invitation.error.message}
            </Alert>
            <Text>
              Already chose a password? <Link to="/sign-in">Sign in</Link>.
            </Text>
          </Stack>
        ) : (
          <form onSubmit={form.onSubmit(choose)} noValidate>
            <Stack>
              <Title order={2} size="h3">
                Welcome, {invitation.data.displayName}
              </Title>
              <Text>
                Choose a password for your Waymark account
                {invitation.data.providerName ? ` at ${invitation.data.providerName}` : ''}. You will sign in
                with <strong>{invitation.data.email}</strong>.
              </Text>
              {accept.error && !(accept.error instanceof ApiError && accept.error.fields.length) && (
                <Alert color="red" role="alert" title="Your password was not set">
                  {accept.error.message}
                </Alert>
              )}
              <PasswordInput
                label="New password"
                description={`At least ${MIN_LENGTH} characters. A few unrelated words make a strong one.`}
                autoComplete="new-password"
                required
                {...form.getInputProps('password')}
              />
              <PasswordInput
                label="New password again"
                autoComplete="new-password"
                required
                {...form.getInputProps('confirmation')}
              />
              <Button type="submit" loading={accept.isPending} fullWidth>
                Set password and sign in
              </Button>
            </Stack>
          </form>
        )}
      </Paper>
    </Container>
  );
}
