import { Button, Card, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { WarningSettings } from '@waymark/domain';
import { useEffect } from 'react';
import { ApiError } from '../../api/errors.ts';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useWarningSettings } from './warnings.api.ts';

const fields: { key: keyof WarningSettings; label: string; description: string }[] = [
  {
    key: 'attendanceDropPoints',
    label: 'Fall in attendance (percentage points)',
    description: 'This half-term against the last.',
  },
  {
    key: 'attendanceMinimumSessions',
    label: 'Sessions before comparing',
    description: 'Neither half-term is judged on fewer possible sessions (a day is two).',
  },
  { key: 'unexplainedAbsences', label: 'Unexplained absences', description: 'Sessions coded N or O …' },
  {
    key: 'unexplainedWindowSchoolDays',
    label: '… within this many school days',
    description: 'Holidays and INSET days are skipped.',
  },
  {
    key: 'incidentWindowWeeks',
    label: 'Weeks compared for incidents',
    description: 'Behaviour and restraint, these weeks against the same number before.',
  },
  {
    key: 'silenceDays',
    label: 'Days without contact',
    description: 'No call, email, meeting, visit or review logged about the pupil.',
  },
  {
    key: 'progressReportHalfTerms',
    label: 'Half-terms without a progress report',
    description: 'Completed half-terms the pupil was placed for throughout.',
  },
  {
    key: 'referralNoticeSchoolDays',
    label: 'School days before a referral starts',
    description: 'From then, each check the referral still fails is a duty on the AP lead’s board.',
  },
  {
    key: 'directionNoticeDays',
    label: 'Days before an off-site direction’s maximum',
    description: 'Warned this many days before the agreed maximum period ends.',
  },
  {
    key: 'providerLapsedItems',
    label: 'Provider items lapsed at once',
    description: 'Insurance, safeguarding letter, notices told late, QA visits.',
  },
  {
    key: 'acknowledgementDays',
    label: 'Days an acknowledgement lasts',
    description: 'After this, an unchanged warning is shown again for a fresh look.',
  },
];

/** An administrator tunes the early warnings for the whole group. */
export function WarningSettingsPage() {
  const { current, save } = useWarningSettings();
  const form = useForm<WarningSettings>({ mode: 'controlled' });
  const loaded = current.data?.settings;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form is filled once per load
  useEffect(() => {
    if (loaded) form.setValues(loaded);
  }, [loaded]);
  const saveThresholds = (values: WarningSettings) =>
    save.mutate(values, {
      onSuccess: () => notifySuccess('Thresholds saved for the whole group'),
      onError: (error) => {
        if (error instanceof ApiError && error.fields.length) form.setErrors(error.fieldErrors());
      },
    });
  return (
    <>
      <PageHeader
        title="Early warning thresholds"
        description="When a signal becomes a warning, for every school in the group. Each change is kept in the audit log."
      />
      <ErrorAlert error={current.error} title="The thresholds could not be loaded" />
      {current.isPending && <Loading label="Loading thresholds" />}
      {current.data && (
        <Card withBorder padding="lg">
          <form onSubmit={form.onSubmit(saveThresholds)} noValidate>
            <Stack>
              <ErrorAlert error={save.error} title="Not saved" />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {fields.map((f) => (
                  <NumberInput
                    key={f.key}
                    label={f.label}
                    description={`${f.description} Default ${current.data.defaults[f.key]}.`}
                    allowDecimal={false}
                    {...form.getInputProps(f.key)}
                  />
                ))}
              </SimpleGrid>
              <Group>
                <Button type="submit" loading={save.isPending}>
                  Save thresholds
                </Button>
                <Button variant="default" onClick={() => form.setValues(current.data.defaults)}>
                  Use the defaults
                </Button>
              </Group>
              <Text size="sm" c="dimmed">
                Warnings are worked out afresh each day from the records, so a change applies at once.
              </Text>
            </Stack>
          </form>
        </Card>
      )}
    </>
  );
}
