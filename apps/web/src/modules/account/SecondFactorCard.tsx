import { Alert, Button, Card, Group, Modal, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { EnrolStep, RecoveryCodes } from '../auth/SecondFactorStep.tsx';
import { secondFactorKey, useSecondFactor } from './account.api.ts';

/** Your two-factor sign-in: set it up, move it to a new phone, or replace the recovery codes. */
export function SecondFactorCard() {
  const queryClient = useQueryClient();
  const { status, replaceCodes: replace } = useSecondFactor();
  const [enrolling, setEnrolling] = useState<{ password?: string } | null>(null);
  const [password, setPassword] = useState('');
  const [askPassword, setAskPassword] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);

  if (status.isPending) return <Loading label="Loading two-factor sign-in" />;
  if (status.error) return <ErrorAlert error={status.error} />;
  const s = status.data;
  const done = () => {
    setEnrolling(null);
    void queryClient.invalidateQueries({ queryKey: secondFactorKey });
  };
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Two-factor sign-in
      </Title>
      <Stack gap="sm">
        <Text size="sm">
          {s.enrolled
            ? `On since ${s.confirmedAt?.slice(0, 10)}. ${
                s.recoveryCodesIssued === 0
                  ? 'No recovery codes yet: make some, to sign in if you lose your phone.'
                  : `Recovery codes left: ${s.recoveryCodesLeft} of ${s.recoveryCodesIssued}.`
              }`
            : s.required
              ? 'Your role requires it.'
              : 'Optional for your role: a code from an authenticator app as well as your password.'}
          {s.trustedBrowsers > 0 &&
            ` ${s.trustedBrowsers} trusted ${s.trustedBrowsers === 1 ? 'browser skips' : 'browsers skip'} the code; signing out of every device ends that.`}
        </Text>
        {s.enrolled && s.recoveryCodesIssued > 0 && s.recoveryCodesLeft < 3 && (
          <Alert color="red" title="Few recovery codes left">
            Make new ones before you run out.
          </Alert>
        )}
        <Group wrap="wrap">
          {s.enrolled ? (
            <>
              <Button variant="outline" onClick={() => setAskPassword(true)}>
                Move to a new phone
              </Button>
              <Button
                variant="outline"
                onClick={() =>
                  replace.mutate(undefined, { onSuccess: (result) => setCodes(result.recoveryCodes) })
                }
                loading={replace.isPending}
              >
                Make new recovery codes
              </Button>
            </>
          ) : (
            <Button onClick={() => setEnrolling({})}>Set up two-factor sign-in</Button>
          )}
        </Group>
        <ErrorAlert error={replace.error} />
      </Stack>
      <Modal opened={askPassword} onClose={() => setAskPassword(false)} title="Move to a new phone">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setAskPassword(false);
            setEnrolling({ password });
            setPassword('');
          }}
        >
          <Stack>
            <Text size="sm">Your current app keeps working until the new one is confirmed.</Text>
            <PasswordInput
              label="Your password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" disabled={!password}>
              Continue
            </Button>
          </Stack>
        </form>
      </Modal>
      <Modal
        opened={enrolling !== null}
        onClose={() => setEnrolling(null)}
        title="Authenticator app"
        size="lg"
      >
        {enrolling && (
          <EnrolStep onDone={done} {...(enrolling.password ? { password: enrolling.password } : {})} />
        )}
      </Modal>
      <Modal opened={codes !== null} onClose={() => setCodes(null)} title="New recovery codes">
        {codes && <RecoveryCodes codes={codes} onContinue={() => setCodes(null)} />}
      </Modal>
    </Card>
  );
}
