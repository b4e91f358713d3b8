import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { letterChecks, letterOpening, letterUndertakings } from '@waymark/domain';

import { ApiError } from '../../api/errors.ts';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useCurrentSession } from '../auth/session.ts';
import { type SafeguardingLetter, usePortalLetters, useSignLetter } from './letters.api.ts';
import { SignedLetter } from './SignedLetter.tsx';

/** The provider portal: safeguarding assurance letters the provider is asked to complete. */
export function PortalLettersPage() {
  const letters = usePortalLetters();
  return (
    <>
      <PageHeader
        title="Safeguarding assurance letters"
        description="Schools that place pupils with you ask for this letter every year and when your DSL or leaders change."
      />
      <ErrorAlert error={letters.error} title="Your letters could not be loaded" />
      {letters.isPending && <Loading label="Loading your letters" />}
      {letters.data?.letters.length === 0 && <Text>No school has asked you for a letter.</Text>}
      <Stack gap="lg" maw={900}>
        {letters.data?.letters.map((letter) =>
          letter.status === 'signed' ? (
            <Card key={letter.id} withBorder padding="lg">
              <Title order={2} size="h4" mb="sm">
                Signed: letter to {letter.schoolName}
              </Title>
              <SignedLetter letter={letter} />
              <Anchor href={`/api/portal/letters/${letter.id}/pdf`} target="_blank" mt="sm">
                The signed letter as a PDF
              </Anchor>
            </Card>
          ) : (
            <LetterForm key={letter.id} letter={letter} />
          ),
        )}
      </Stack>
    </>
  );
}

function LetterForm({ letter }: { letter: SafeguardingLetter }) {
  const session = useCurrentSession();
  const form = useForm({
    initialValues: {
      checks: letterChecks.map(() => false),
      undertakings: letterUndertakings.map(() => false),
      name: session.user.displayName,
      role: '',
      organisation: letter.providerName,
      signature: '',
    },
  });
  const sign = useSignLetter(letter.id);
  const signIt = (values: typeof form.values) =>
    sign.mutate(values, {
      onSuccess: () => notifySuccess(`Letter to ${letter.schoolName} signed and sent.`),
      onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
    });
  const unconfirmed = Object.keys(form.errors).some(
    (k) => k.startsWith('checks') || k.startsWith('undertakings'),
  );
  return (
    <Paper withBorder p="lg">
      <form onSubmit={form.onSubmit(signIt)} noValidate>
        <Stack>
          <Title order={2} size="h4">
            Letter to {letter.schoolName}
          </Title>
          <Text>Dear {letter.headteacherName},</Text>
          <Text>{letterOpening(letter.schoolName)}</Text>
          {unconfirmed && (
            <Alert color="red" role="alert" title="Not signed yet">
              Confirm every check and undertaking: the school cannot accept the letter otherwise.
            </Alert>
          )}
          {sign.error && !(sign.error instanceof ApiError && sign.error.fields.length) && (
            <ErrorAlert error={sign.error} title="The letter was not signed" />
          )}
          <Fieldset
            legend="For each member of staff, we confirm the completion and verification of:"
            variant="unstyled"
          >
            <Stack gap="xs" mt="xs">
              {letterChecks.map((check, i) => (
                <Checkbox
                  key={check}
                  label={`${i + 1}. ${check}`}
                  {...form.getInputProps(`checks.${i}`, { type: 'checkbox' })}
                />
              ))}
            </Stack>
          </Fieldset>
          <Fieldset legend="We also confirm:" variant="unstyled">
            <Stack gap="xs" mt="xs">
              {letterUndertakings.map((u, i) => (
                <Checkbox
                  key={u}
                  label={u}
                  {...form.getInputProps(`undertakings.${i}`, { type: 'checkbox' })}
                />
              ))}
            </Stack>
          </Fieldset>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Your name" required {...form.getInputProps('name')} />
            <TextInput label="Your role or position" required {...form.getInputProps('role')} />
            <TextInput label="Organisation" required {...form.getInputProps('organisation')} />
            <TextInput
              label="Signature"
              description="Type your full name"
              required
              {...form.getInputProps('signature')}
            />
          </SimpleGrid>
          <Button type="submit" loading={sign.isPending} w="fit-content">
            Sign and send the letter
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
