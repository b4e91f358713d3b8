import {
  Alert,
  Button,
  Container,
  Divider,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { Loading } from '../../ui/Feedback.tsx';
import { SecondFactorStep } from './SecondFactorStep.tsx';
import { authCalls, type Session, sessionQueryKey, takeSignOutReason, useSession } from './session.ts';
import { singleSignOnRefusals } from './single-sign-on.ts';

export function SignInPage() {
  const { data, isPending } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter your email address'),
      password: (v) => (v ? null : 'Enter your password'),
    },
  });
  const finish = (session: Session) => {
    queryClient.setQueryData(sessionQueryKey, { session });
    navigate(from, { replace: true });
  };
  const signIn = useMutation({
    mutationFn: (values: { email: string; password: string }) => authCalls.signIn(values),
    onSuccess: (result) => {
      if (result.session) finish(result.session);
      else queryClient.setQueryData(sessionQueryKey, result);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fields.length) form.setErrors(error.fieldErrors());
    },
  });

  const singleSignOn = useMutation({
    mutationFn: authCalls.startSingleSignOn,
    // A full navigation: the school's sign-in service is another site, and it sends the browser back.
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
  const startSingleSignOn = () => {
    signIn.reset();
    if (!form.validateField('email').hasError) singleSignOn.mutate(form.values.email.trim());
  };
  const [searchParams] = useSearchParams();
  const refusal = singleSignOnRefusals[searchParams.get('single-sign-on') ?? ''];

  const [signOutReason] = useState(takeSignOutReason);
  useEffect(() => {
    document.title = 'Sign in – Waymark';
  }, []);

  if (isPending) return <Loading label="Checking your sign-in" />;
  if (data?.session) return <Navigate to={from} replace />;
  const step = data?.secondFactor ?? null;

  return (
    <Container size={420} py={60} component="main">
      <Title order={1} ta="center" c="blue.9">
        Waymark
      </Title>
      <Text ta="center" c="dimmed" mb="lg">
        Alternative provision, overseen in one place
      </Text>
      <Paper withBorder shadow="sm" p="lg" radius="md">
        {step ? (
          <SecondFactorStep step={step} onDone={finish} />
        ) : (
          <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
            <Stack>
              <Title order={2} size="h3">
                Sign in
              </Title>
              {signOutReason && !signIn.error && (
                <Alert color="blue" role="status" title="You have been signed out">
                  {signOutReason}
                </Alert>
              )}
              {(signIn.error ?? singleSignOn.error) && (
                <Alert color="red" role="alert" title="You are not signed in">
                  {(signIn.error ?? singleSignOn.error)?.message}
                </Alert>
              )}
              {refusal && !signIn.error && !singleSignOn.error && (
                <Alert color="red" role="alert" title="You are not signed in">
                  {refusal}
                </Alert>
              )}
              <TextInput
                label="Email address"
                type="email"
                autoComplete="username"
                required
                {...form.getInputProps('email')}
              />
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                required
                {...form.getInputProps('password')}
              />
              <Button type="submit" loading={signIn.isPending} fullWidth>
                Sign in
              </Button>
              <Text size="sm" c="dimmed">
                Forgotten your password? Ask your trust administrator to set a new one.
              </Text>
              <Divider label="or" labelPosition="center" />
              <Button
                variant="default"
                fullWidth
                loading={singleSignOn.isPending}
                onClick={startSingleSignOn}
              >
                Sign in with your school account
              </Button>
              <Text size="sm" c="dimmed">
                Microsoft or Google, where your school has set it up: enter your email address above first.
              </Text>
            </Stack>
          </form>
        )}
      </Paper>
    </Container>
  );
}
