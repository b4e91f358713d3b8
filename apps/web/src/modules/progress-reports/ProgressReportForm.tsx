import { Button, Stack, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { todayInLondon } from '@waymark/domain';
import { fieldErrorsOf } from '@waymark/domain/contracts/field-errors';
import { progressReportBodySchema } from '@waymark/domain/contracts/progress-reports';
import { useRef } from 'react';
import { ApiError } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { ReportText } from './ProgressReportsCard.tsx';
import { useProgressReports, useSendProgressReport } from './progress-reports.api.ts';

/** Provider portal: send the school a progress report on one pupil, and see the ones sent before. */
export function ProgressReportForm({ placementId, pupilName }: { placementId: string; pupilName: string }) {
  const sent = useProgressReports(placementId, { portal: true });
  const form = useForm({
    initialValues: {
      reportedOn: todayInLondon(),
      learning: '',
      attendanceAndBehaviour: '',
      wellbeing: '',
      nextSteps: '',
    },
    // The route's own schema, so the form says exactly what the school's server would.
    validate: (values) => fieldErrorsOf(progressReportBodySchema, values),
  });
  // One key per report being written: a retry after a dropped connection is the same report.
  const idempotencyKey = useRef(crypto.randomUUID());
  const send = useSendProgressReport(placementId);
  const submit = (report: typeof form.values) =>
    send.mutate(
      { report, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: () => {
          idempotencyKey.current = crypto.randomUUID();
          form.reset();
          notifySuccess('Progress report sent to the school');
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fields.length) form.setErrors(error.fieldErrors());
        },
      },
    );
  return (
    <Stack gap="sm" mt="md">
      <Title order={3} size="h5">
        Progress reports
      </Title>
      {sent.data?.reports.slice(0, 1).map((r) => (
        <ReportText key={r.id} report={r} />
      ))}
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={send.error} title="Not sent" />
          <DateField label="Report date" required {...form.getInputProps('reportedOn')} />
          <Textarea
            label={`${pupilName}'s learning and progress against their objectives`}
            required
            autosize
            minRows={2}
            {...form.getInputProps('learning')}
          />
          <Textarea
            label="Attendance and behaviour"
            required
            autosize
            minRows={2}
            {...form.getInputProps('attendanceAndBehaviour')}
          />
          <Textarea label="Wellbeing (optional)" autosize minRows={2} {...form.getInputProps('wellbeing')} />
          <Textarea label="Next steps" required autosize minRows={2} {...form.getInputProps('nextSteps')} />
          <Button type="submit" loading={send.isPending} style={{ alignSelf: 'flex-start' }}>
            Send progress report on {pupilName}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
