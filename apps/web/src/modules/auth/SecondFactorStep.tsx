import {
  Alert,
  Button,
  Checkbox,
  Code,
  Group,
  Image,
  List,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { authCalls, type Session, sessionQueryKey } from './session.ts';

type Done = (session: Session) => void;

function useCodeForm() {
  return useForm({
    initialValues: { code: '', trustBrowser: false },
    validate: { code: (v) => (v.trim() ? null : 'Enter the code from your authenticator app') },
  });
}

function CancelSignIn() {
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: authCalls.signOut,
    onSettled: () => queryClient.setQueryData(sessionQueryKey, { session: null }),
  });
  return (
    <Button variant="subtle" onClick={() => cancel.mutate()} loading={cancel.isPending}>
      Cancel and sign out
    </Button>
  );
}

function TrustBrowser(props: Partial<React.ComponentProps<typeof Checkbox>>) {
  return (
    <Checkbox
      label="Trust this browser for 30 days"
      description="Only on a device no one else uses"
      {...props}
    />
  );
}

/** The code from the app after the password, or one of the recovery codes. */
export function CodeStep({ onDone }: { onDone: Done }) {
  const form = useCodeForm();
  const pass = useMutation({
    mutationFn: authCalls.passSecondFactor,
    onSuccess: (result) => onDone(result.session),
    onError: (error) => {
      if (error instanceof ApiError && error.fields.length) form.setErrors(error.fieldErrors());
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => pass.mutate(values))} noValidate>
      <Stack>
        <Title order={2} size="h3">
          Enter your code
        </Title>
        <Text size="sm">
          Open your authenticator app and enter the 6-digit code for Waymark. Lost your phone? Enter one of
          your recovery codes instead.
        </Text>
        {pass.error && !(pass.error instanceof ApiError && pass.error.fields.length) && (
          <Alert color="red" role="alert" title="You are not signed in yet">
            {pass.error.message}
          </Alert>
        )}
        <TextInput
          label="Code"
          autoComplete="one-time-code"
          inputMode="text"
          required
          {...form.getInputProps('code')}
        />
        <TrustBrowser {...form.getInputProps('trustBrowser', { type: 'checkbox' })} />
        <Button type="submit" loading={pass.isPending} fullWidth>
          Continue
        </Button>
        <CancelSignIn />
      </Stack>
    </form>
  );
}

/** Shown once, straight after setting the app up: the person saves them before going on. */
export function RecoveryCodes({ codes, onContinue }: { codes: string[]; onContinue: () => void }) {
  return (
    <Stack>
      <Title order={2} size="h3">
        Save your recovery codes
      </Title>
      <Text size="sm">
        If you lose your phone, each of these codes signs you in once. Keep them somewhere safe, away from
        your phone. They will not be shown again.
      </Text>
      <List aria-label="Recovery codes" spacing={2}>
        {codes.map((c) => (
          <List.Item key={c}>
            <Code>{c}</Code>
          </List.Item>
        ))}
      </List>
      <Button onClick={onContinue}>I have saved my recovery codes</Button>
    </Stack>
  );
}

/** Setting an authenticator app up: scan (or type the key), then confirm with its first code. */
export function EnrolStep({ onDone, password }: { onDone: Done; password?: string }) {
  const form = useCodeForm();
  const [codes, setCodes] = useState<{ codes: string[]; session: Session } | null>(null);
  const start = useMutation({
    mutationFn: () => authCalls.startEnrolment(password),
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: one secret per visit to this step
  useEffect(() => {
    start.mutate();
  }, []);
  const confirm = useMutation({
    mutationFn: authCalls.confirmEnrolment,
    onSuccess: (result) => setCodes({ codes: result.recoveryCodes, session: result.session }),
    onError: (error) => {
      if (error instanceof ApiError && error.fields.length) form.setErrors(error.fieldErrors());
    },
  });
  if (codes) return <RecoveryCodes codes={codes.codes} onContinue={() => onDone(codes.session)} />;
  const key = start.data?.secret.replace(/(.{4})/g, '$1 ').trim();
  return (
    <form onSubmit={form.onSubmit((values) => confirm.mutate(values))} noValidate>
      <Stack>
        <Title order={2} size="h3">
          Set up two-factor sign-in
        </Title>
        <Text size="sm">
          Waymark will ask for a code from an authenticator app (Microsoft Authenticator, Google Authenticator
          or similar) as well as your password. It is required for DSLs, AP leads, headteachers and
          administrators.
        </Text>
        {start.error && (
          <Alert color="red" role="alert" title="Setting up could not start">
            {start.error.message}
          </Alert>
        )}
        {start.data && (
          <Group align="flex-start" wrap="wrap">
            <Image
              src={start.data.qrCode}
              alt="QR code to scan with your authenticator app"
              w={180}
              h={180}
            />
            <Stack gap={4}>
              <Text size="sm">1. In the app, add an account and scan the code.</Text>
              <Text size="sm">Cannot scan? Enter this key:</Text>
              <Code aria-label="Key to type into the app">{key}</Code>
              <Text size="sm">2. Enter the 6-digit code the app shows.</Text>
            </Stack>
          </Group>
        )}
        <TextInput
          label="Code from the app"
          autoComplete="one-time-code"
          required
          {...form.getInputProps('code')}
        />
        <TrustBrowser {...form.getInputProps('trustBrowser', { type: 'checkbox' })} />
        <Button type="submit" loading={confirm.isPending} disabled={!start.data} fullWidth>
          Confirm
        </Button>
        {!password && <CancelSignIn />}
      </Stack>
    </form>
  );
}

/** After the password: the step the server asks for, then the session. */
export function SecondFactorStep({ step, onDone }: { step: 'code' | 'enrol'; onDone: Done }) {
  return step === 'code' ? <CodeStep onDone={onDone} /> : <EnrolStep onDone={onDone} />;
}
