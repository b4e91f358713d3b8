import { Card, Stack, Text, Title } from '@mantine/core';
import { dateInWords } from '@waymark/domain';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { type ProgressReport, useProgressReports } from './progress-reports.api.ts';

/** The provider's progress reports on a placement, newest first, as the school reads them. */
export function ProgressReportsCard({ placementId }: { placementId: string }) {
  const reports = useProgressReports(placementId);
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Progress reports from the provider
      </Title>
      <ErrorAlert error={reports.error} title="Progress reports could not be loaded" />
      {reports.isPending && <Loading label="Loading progress reports" />}
      {reports.data?.reports.length === 0 && <Text>The provider has not sent a progress report yet.</Text>}
      <Stack gap="md">
        {reports.data?.reports.map((r) => (
          <ReportText key={r.id} report={r} />
        ))}
      </Stack>
    </Card>
  );
}

export function ReportText({ report: r }: { report: ProgressReport }) {
  return (
    <div>
      <Title order={3} size="h5">
        Report of {dateInWords(r.reportedOn)}, from {r.submittedByName}
      </Title>
      <Text>
        <strong>Learning and progress:</strong> {r.learning}
      </Text>
      <Text>
        <strong>Attendance and behaviour:</strong> {r.attendanceAndBehaviour}
      </Text>
      {r.wellbeing && (
        <Text>
          <strong>Wellbeing:</strong> {r.wellbeing}
        </Text>
      )}
      <Text>
        <strong>Next steps:</strong> {r.nextSteps}
      </Text>
    </div>
  );
}
