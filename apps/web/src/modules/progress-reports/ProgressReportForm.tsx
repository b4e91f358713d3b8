import { Button, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { todayInLondon } from '@waymark/domain';
import { useRef } from 'react';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { ReportText } from './ProgressReportsCard.tsx';
import { type ProgressReport, progressReportsKey } from './progress-reports.api.ts';

/** Provider portal: send the school a progress report on one pupil, and see the ones sent before. */
export function ProgressReportForm({ placementId, pupilName }: { placementId: string; pupilName: string }) {
  const queryClient = useQueryClient();
  const key = progressReportsKey(placementId, true);
  const sent = useQuery({
    queryKey: key,
    queryFn: () =>
      api<{ reports: ProgressReport[] }>('GET', `/api/portal/placements/${placementId}/progress-reports`),
  });
  const form = useForm({
    initialValues: {
      reportedOn: todayInLondon(),
      learning: '',
      attendanceAndBehaviour: '',
      wellbeing: '',
      nextSteps: '',
    },
  });
  // One key per report being written: a retry after a dropped connection is the same report.
  const idempotencyKey = useRef(crypto.randomUUID());
  const send = useMutation({
    mutationFn: (values: typeof form.values) =>
      api('POST', `/api/portal/placements/${placementId}/progress-reports`, values, {
        'Idempotency-Key': idempotencyKey.current,
      }),
    onSuccess: () => {
      idempotencyKey.current = crypto.randomUUID();
      form.reset();
      queryClient.invalidateQueries({ queryKey: key });
      notifySuccess('Progress report sent to the school');
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fields.length) form.setErrors(error.fieldErrors());
    },
  });
  return (
    <Stack gap="sm" mt="md">
      <Title order={3} size="h5">
        Progress reports
      </Title>
      {sent.data?.reports.slice(0, 1).map((r) => (
        <ReportText key={r.id} report={r} />
      ))}
      <form onSubmit={form.onSubmit((values) => send.mutate(values))} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={send.error} title="Not sent" />
          <TextInput type="date" label="Report date" required {...form.getInputProps('reportedOn')} />
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
