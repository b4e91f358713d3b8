import { Alert, Button, FileInput, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type IncidentKind, incidentKindLabels, incidentKinds, isSafeguarding } from '@waymark/domain';
import { fieldErrorsOf } from '@waymark/domain/contracts/field-errors';
import { type IncidentReportRequest, incidentReportSchema } from '@waymark/domain/contracts/incidents';
import { useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { useReportIncident } from './incidents.api.ts';

interface Values {
  placementId: string | null;
  kind: IncidentKind | null;
  occurredAt: string;
  location: string;
  peopleInvolved: string;
  whatHappened: string;
  immediateActions: string;
  postIncidentSupport: string;
  debrief: string;
}

const blank: Values = {
  placementId: null,
  kind: null,
  occurredAt: '',
  location: '',
  peopleInvolved: '',
  whatHappened: '',
  immediateActions: '',
  postIncidentSupport: '',
  debrief: '',
};

const newKey = () => crypto.randomUUID();

/** What the route takes: the restraint questions only for a restraint. */
const reportOf = (values: Values) => ({
  ...values,
  postIncidentSupport: values.kind === 'restraint' ? values.postIncidentSupport : undefined,
  debrief: values.kind === 'restraint' ? values.debrief : undefined,
});

/**
 * Reports a concern or incident, from the portal or by school staff. A retried send carries the same
 * idempotency key, so a report is recorded once even if the connection drops after it was saved.
 */
export function IncidentForm({
  path,
  pupils,
  onSaved,
}: {
  path: string;
  pupils: { placementId: string; label: string }[];
  onSaved: () => void;
}) {
  const [key, setKey] = useState(newKey);
  const [file, setFile] = useState<File | null>(null);
  const form = useForm<Values>({
    initialValues: blank,
    // The route's own schema, so the form names every field the server would refuse.
    validate: (values) => fieldErrorsOf(incidentReportSchema, reportOf(values)),
  });
  const restraint = form.values.kind === 'restraint';
  const save = useReportIncident(path);
  const send = (values: Values) =>
    save.mutate(
      // The form's check has passed, so the report is the request's shape.
      { report: reportOf(values) as IncidentReportRequest, file, idempotencyKey: key },
      {
        onSuccess: () => {
          form.setValues(blank);
          setFile(null);
          setKey(newKey());
          onSaved();
          notifySuccess('Reported. The school has been told.');
        },
        onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
      },
    );
  return (
    <form onSubmit={form.onSubmit(send)} noValidate>
      <Stack gap="sm">
        {save.error && !(save.error instanceof ApiError && save.error.fields.length) && (
          <ErrorAlert error={save.error} title="The report was not sent" />
        )}
        {form.values.kind && isSafeguarding(form.values.kind) && (
          <Alert color="red.9" variant="outline" title="If a child is in immediate danger, call 999 first">
            Then report it here. The school's designated safeguarding lead is told at once; only they read the
            detail.
          </Alert>
        )}
        <Group align="flex-start" wrap="wrap" grow>
          <Select
            label="Pupil"
            required
            searchable
            data={pupils.map((p) => ({ value: p.placementId, label: p.label }))}
            nothingFoundMessage="No pupil of that name is placed here"
            {...form.getInputProps('placementId')}
          />
          <Select
            label="What kind of concern or incident"
            required
            data={incidentKinds.map((k) => ({ value: k, label: incidentKindLabels[k] }))}
            {...form.getInputProps('kind')}
          />
        </Group>
        <Group align="flex-start" wrap="wrap" grow>
          <TextInput
            label="When it happened"
            type="datetime-local"
            required
            {...form.getInputProps('occurredAt')}
          />
          <TextInput label="Where it happened" required {...form.getInputProps('location')} />
        </Group>
        <TextInput
          label="Who was involved"
          description="Pupils, staff and others present or told"
          {...form.getInputProps('peopleInvolved')}
        />
        <Textarea
          label="What happened"
          description="The facts, and the child's own words where they said something"
          required
          autosize
          minRows={3}
          {...form.getInputProps('whatHappened')}
        />
        <Textarea
          label="What was done straight away"
          required
          autosize
          minRows={2}
          {...form.getInputProps('immediateActions')}
        />
        {restraint && (
          <>
            <Textarea
              label="Support for the pupil after the restraint"
              required
              autosize
              minRows={2}
              {...form.getInputProps('postIncidentSupport')}
            />
            <Textarea
              label="Debrief with the pupil and staff"
              description="When and how it took place"
              required
              autosize
              minRows={2}
              {...form.getInputProps('debrief')}
            />
          </>
        )}
        <FileInput
          label="Body map, photograph or statement (optional)"
          description="PDF, PNG, JPEG or Word, up to 10 MB"
          clearable
          value={file}
          onChange={setFile}
          accept="application/pdf,image/png,image/jpeg,.docx"
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Send the report
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
