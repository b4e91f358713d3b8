import {
  Button,
  Card,
  Code,
  Group,
  PasswordInput,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { type SignInProvider, useSignInProviderChanges, useSignInProviders } from './single-sign-on.api.ts';

/** An administrator connects the group's Microsoft Entra ID or Google Workspace for signing in. */
export function SingleSignOnPage() {
  const providers = useSignInProviders();
  const [editing, setEditing] = useState<SignInProvider | 'new' | null>(null);

  return (
    <>
      <PageHeader
        title="Single sign-on"
        description="Let staff sign in with the Microsoft or Google account their school already gives them. Only people you have added to Waymark can sign in; nobody is created by signing in."
        actions={
          editing === null && <Button onClick={() => setEditing('new')}>Connect a sign-in service</Button>
        }
      />
      <ErrorAlert error={providers.error} title="Sign-in services could not be loaded" />
      {providers.isPending && <Loading label="Loading sign-in services" />}
      {editing && (
        <ProviderForm
          provider={editing === 'new' ? null : editing}
          callbackUrl={providers.data?.providers[0]?.callbackUrl}
          onDone={() => setEditing(null)}
        />
      )}
      <Stack mt="lg">
        {providers.data?.providers.length === 0 && (
          <Text>No sign-in service is connected: everyone signs in with their Waymark password.</Text>
        )}
        {providers.data?.providers.map((provider) => (
          <Card withBorder key={provider.id} padding="lg">
            <Group justify="space-between" align="flex-start">
              <Stack gap={4}>
                <Title order={2} size="h4">
                  {provider.name}{' '}
                  <Tag tone={provider.isEnabled ? 'positive' : 'neutral'}>
                    {provider.isEnabled ? 'In use' : 'Switched off'}
                  </Tag>
                </Title>
                <Text>
                  For email addresses at <strong>{provider.emailDomains.join(', ')}</strong>
                </Text>
                <Text size="sm">
                  Issuer <Code>{provider.issuer}</Code> · client id <Code>{provider.clientId}</Code>
                </Text>
                <Text size="sm">
                  Redirect address to register with the service: <Code>{provider.callbackUrl}</Code>
                </Text>
              </Stack>
              <Button variant="default" onClick={() => setEditing(provider)}>
                Change {provider.name}
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
    </>
  );
}

function ProviderForm({
  provider,
  callbackUrl,
  onDone,
}: {
  provider: SignInProvider | null;
  callbackUrl: string | undefined;
  onDone: () => void;
}) {
  const form = useForm({
    initialValues: {
      name: provider?.name ?? '',
      issuer: provider?.issuer ?? '',
      clientId: provider?.clientId ?? '',
      clientSecret: '',
      emailDomains: provider?.emailDomains.join(', ') ?? '',
      isEnabled: provider?.isEnabled ?? true,
    },
  });
  const { save, remove } = useSignInProviderChanges(provider?.id ?? null);
  const submit = (values: typeof form.values) =>
    save.mutate(
      {
        ...values,
        emailDomains: values.emailDomains
          .split(/[\s,]+/)
          .map((d) => d.trim())
          .filter(Boolean),
        // Left empty when changing: the stored secret is kept.
        clientSecret: values.clientSecret || undefined,
      },
      {
        onSuccess: () => {
          notifySuccess(provider ? 'Sign-in service changed' : 'Sign-in service connected');
          onDone();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fields.length) {
            // emailDomains.1 and the like belong to the one domains field on this form.
            const errors = error.fieldErrors();
            for (const key of Object.keys(errors))
              if (key.startsWith('emailDomains.')) errors.emailDomains = errors[key]!;
            form.setErrors(errors);
          }
        },
      },
    );
  const removeIt = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        notifySuccess('Sign-in service removed');
        onDone();
      },
    });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="provider-form-title">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <Title order={2} size="h4" id="provider-form-title">
            {provider ? `Change ${provider.name}` : 'Connect a sign-in service'}
          </Title>
          <Text size="sm">
            Register Waymark as a web application with the service and give it this redirect address:{' '}
            <Code>{callbackUrl ?? `${window.location.origin}/api/auth/single-sign-on/callback`}</Code>
          </Text>
          <ErrorAlert error={save.error ?? remove.error} title="Not saved" />
          <TextInput label="Name on the sign-in page" required {...form.getInputProps('name')} />
          <TextInput
            label="Issuer"
            description="Microsoft: https://login.microsoftonline.com/<tenant id>/v2.0 · Google: https://accounts.google.com"
            required
            {...form.getInputProps('issuer')}
          />
          <TextInput label="Client (application) id" required {...form.getInputProps('clientId')} />
          <PasswordInput
            label="Client secret"
            description={provider ? 'Leave empty to keep the secret already saved.' : undefined}
            required={!provider}
            autoComplete="off"
            {...form.getInputProps('clientSecret')}
          />
          <TextInput
            label="Email domains"
            description="People whose email address ends with one of these sign in here, e.g. elmfield.sch.uk, elmfieldtrust.org.uk"
            required
            {...form.getInputProps('emailDomains')}
          />
          <Switch label="In use" {...form.getInputProps('isEnabled', { type: 'checkbox' })} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            {provider && (
              <Button color="red" variant="outline" loading={remove.isPending} onClick={removeIt}>
                Remove {provider.name}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
