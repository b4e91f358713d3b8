import {
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  dateInWords,
  referralAgencies,
  referralAgencyLabels,
  triageLevelLabels,
  triageLevels,
} from '@waymark/domain';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { type IncidentDetail, useCompleteAction, useIncidentStep } from './incidents.api.ts';

/** One step of the response: a small form that posts, then reloads the record. */
function StepForm<V extends Record<string, unknown>>({
  title,
  initialValues,
  path,
  submitLabel,
  done,
  incidentId,
  children,
}: {
  title: string;
  initialValues: V;
  path: string;
  submitLabel: string;
  done: string;
  incidentId: string;
  children: (form: ReturnType<typeof useForm<V>>) => ReactNode;
}) {
  const form = useForm<V>({ initialValues });
  const save = useIncidentStep<V>(incidentId, path);
  const submit = (values: V) =>
    save.mutate(values, {
      onSuccess: () => {
        form.reset();
        notifySuccess(done);
      },
      onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
    });
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={title}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {title}
        </Title>
        {save.error && !(save.error instanceof ApiError && save.error.fields.length) && (
          <ErrorAlert error={save.error} />
        )}
        {children(form)}
        <Group>
          <Button type="submit" variant="outline" loading={save.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Triage, actions, referrals and closure, for whoever may act on this record. */
export function WorkflowForms({ incident }: { incident: IncidentDetail }) {
  const id = incident.id;
  const actions = incident.detail?.actions ?? [];
  const complete = useCompleteAction(id);
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Act on it
      </Title>
      <Stack gap="xl">
        <StepForm
          title="Triage"
          incidentId={id}
          path="triage"
          submitLabel="Record the triage"
          done="Triage recorded."
          initialValues={{ level: '' as string, rationale: '' }}
        >
          {(form) => (
            <>
              <Select
                label="Level of response"
                required
                data={triageLevels.map((l) => ({ value: l, label: triageLevelLabels[l] }))}
                {...form.getInputProps('level')}
              />
              <Textarea label="Why" required autosize minRows={2} {...form.getInputProps('rationale')} />
            </>
          )}
        </StepForm>

        {actions.some((a) => !a.doneOn) && (
          <Stack gap="xs">
            <Title order={3} size="h5">
              Actions still open
            </Title>
            {complete.error && <ErrorAlert error={complete.error} />}
            {actions
              .filter((a) => !a.doneOn)
              .map((a) => (
                <Checkbox
                  key={a.id}
                  label={`Done: ${a.action} (${a.owner}, by ${dateInWords(a.dueOn)})`}
                  checked={false}
                  disabled={complete.isPending}
                  onChange={() => complete.mutate(a.id)}
                />
              ))}
          </Stack>
        )}

        <StepForm
          title="Add an action"
          incidentId={id}
          path="actions"
          submitLabel="Add the action"
          done="Action added."
          initialValues={{ action: '', owner: '', dueOn: '' }}
        >
          {(form) => (
            <>
              <TextInput label="What needs doing" required {...form.getInputProps('action')} />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput label="Who will do it" required {...form.getInputProps('owner')} />
                <DateField label="Due by" required {...form.getInputProps('dueOn')} />
              </SimpleGrid>
            </>
          )}
        </StepForm>

        <StepForm
          title="Record a referral"
          incidentId={id}
          path="referrals"
          submitLabel="Record the referral"
          done="Referral recorded."
          initialValues={{ agency: '' as string, referredOn: '', reference: '', details: '' }}
        >
          {(form) => (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select
                  label="Referred to"
                  required
                  data={referralAgencies.map((a) => ({ value: a, label: referralAgencyLabels[a] }))}
                  {...form.getInputProps('agency')}
                />
                <DateField label="Date of referral" required {...form.getInputProps('referredOn')} />
                <TextInput label="Their reference" {...form.getInputProps('reference')} />
              </SimpleGrid>
              <Textarea
                label="What was shared and what they said"
                required
                autosize
                minRows={2}
                {...form.getInputProps('details')}
              />
            </>
          )}
        </StepForm>

        <StepForm
          title="Close the record"
          incidentId={id}
          path="close"
          submitLabel="Close with this outcome"
          done="Closed."
          initialValues={{ outcome: '' }}
        >
          {(form) => (
            <Textarea
              label="Outcome"
              description="Close once it is triaged and every action is done"
              required
              autosize
              minRows={2}
              {...form.getInputProps('outcome')}
            />
          )}
        </StepForm>
      </Stack>
    </Card>
  );
}
