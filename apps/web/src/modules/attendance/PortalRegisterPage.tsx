import { Anchor, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import {
  type AbsenceReason,
  absenceReasonLabels,
  absenceReasons,
  dateInWords,
  type ProviderMark,
  registerSessionLabels,
  todayInLondon,
} from '@waymark/domain';
import { lazy, Suspense, useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { ChoiceButtons } from '../../ui/ChoiceButtons.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Tag } from '../../ui/Tag.tsx';
import {
  type ProviderRegister,
  usePortalRegister,
  useRegisterDays,
  useSendRegister,
} from './attendance.api.ts';

// Sending a register as a CSV file and telling the school of a closure are the less common errands:
// their forms load after the register, so a phone can mark it sooner.
const RegisterCsvCard = lazy(() =>
  import('./RegisterCsvCard.tsx').then((m) => ({ default: m.RegisterCsvCard })),
);
const ClosuresCard = lazy(() => import('./ClosuresCard.tsx').then((m) => ({ default: m.ClosuresCard })));

type Register = ProviderRegister;
const markOptions: { value: ProviderMark; label: string }[] = [
  { value: 'present', label: 'Present' },
  { value: 'late', label: 'Late' },
  { value: 'absent', label: 'Absent' },
];

type Choice = { mark: ProviderMark; reason: AbsenceReason; correctionReason: string };

/** Provider portal: today's register on one screen, a tap per pupil, sent per session. Made for a phone. */
export function PortalRegisterPage() {
  const [date, setDate] = useState(todayInLondon());
  const register = usePortalRegister(date);
  const days = useRegisterDays(date);
  return (
    <>
      <PageHeader
        title="Register"
        description="Mark each pupil expected with you, then send the session’s register."
      />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <DateField label="Date" value={date} onChange={(value) => setDate(value)} maw={220} />
        <Button
          variant="default"
          disabled={!days.data?.previous}
          onClick={() => days.data?.previous && setDate(days.data.previous)}
        >
          ← Previous day with pupils
        </Button>
        <Button
          variant="default"
          disabled={!days.data?.next}
          onClick={() => days.data?.next && setDate(days.data.next)}
        >
          Next day with pupils →
        </Button>
      </Group>
      <Text fw={600} mb="sm">
        {dateInWords(date, { weekday: true })}
      </Text>
      <ErrorAlert error={register.error} title="The register could not be loaded" />
      {register.isPending ? (
        <Loading label="Loading the register" />
      ) : register.data?.pupils.length === 0 ? (
        <Card withBorder padding="md">
          <Text>{days.data?.whyNoPupils ?? 'No pupils are expected with you on this date.'}</Text>
          {days.data?.nextExpected && (
            <Text mt="xs">
              Pupils are next expected on {dateInWords(days.data.nextExpected, { weekday: true })}.{' '}
              <Anchor component="button" type="button" onClick={() => setDate(days.data.nextExpected!)}>
                Open that register
              </Anchor>
            </Text>
          )}
        </Card>
      ) : (
        register.data && (
          <Stack>
            {(['am', 'pm'] as const).map((session) => {
              const pupils = register.data.pupils.filter((p) =>
                p.sessions.some((s) => s.session === session),
              );
              return pupils.length ? (
                <SessionCard key={`${date}-${session}`} register={register.data} session={session} />
              ) : null;
            })}
          </Stack>
        )
      )}
      <Stack mt="lg">
        <Suspense fallback={null}>
          <RegisterCsvCard />
          <ClosuresCard />
        </Suspense>
      </Stack>
    </>
  );
}

function SessionCard({ register, session }: { register: Register; session: 'am' | 'pm' }) {
  const pupils = register.pupils
    .map((p) => ({ ...p, current: p.sessions.find((s) => s.session === session)! }))
    .filter((p) => p.current);
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(
      pupils
        .filter((p) => p.current.mark)
        .map((p) => [
          p.placementId,
          { mark: p.current.mark!, reason: p.current.reason ?? 'unknown', correctionReason: '' },
        ]),
    ),
  );
  const send = useSendRegister(register.date);
  const sendSession = () =>
    send.mutate(
      {
        session,
        marks: Object.entries(choices).map(([placementId, c]) => ({
          placementId,
          mark: c.mark,
          reason: c.mark === 'absent' ? c.reason : undefined,
          correctionReason: c.correctionReason || undefined,
        })),
      },
      {
        onSuccess: (result) =>
          notifySuccess(
            result.recorded ? `${registerSessionLabels[session]} register sent.` : 'Nothing had changed.',
          ),
      },
    );
  const errors = send.error instanceof ApiError ? send.error.fieldErrors() : {};
  const indexOf = (placementId: string) => Object.keys(choices).indexOf(placementId);
  const choose = (placementId: string, change: Partial<Choice>) =>
    setChoices((all) => ({
      ...all,
      [placementId]: {
        mark: 'present',
        reason: 'unknown',
        correctionReason: '',
        ...all[placementId],
        ...change,
      },
    }));
  const due = pupils[0]?.current.dueBy;
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4">
        {registerSessionLabels[session]}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Send by {due}
      </Text>
      <Stack gap="md">
        {pupils.map((p) => {
          const choice = choices[p.placementId];
          const changed =
            p.current.mark &&
            choice &&
            (choice.mark !== p.current.mark ||
              (choice.mark === 'absent' && choice.reason !== p.current.reason));
          const i = indexOf(p.placementId);
          return (
            <Stack key={p.placementId} gap={6}>
              <Group justify="space-between" wrap="wrap">
                <Text fw={600}>{p.pupilName}</Text>
                {p.current.mark && (
                  <Tag tone={p.current.late ? 'warning' : 'positive'}>
                    {p.current.late ? 'Sent late' : 'Sent'}
                  </Tag>
                )}
              </Group>
              <ChoiceButtons
                label={`${p.pupilName}: ${registerSessionLabels[session].toLowerCase()}`}
                value={choice?.mark ?? null}
                onChange={(mark: ProviderMark) => choose(p.placementId, { mark })}
                options={markOptions}
              />
              {choice?.mark === 'absent' && (
                // The phone's own list: lighter to load than a searchable one, and easier to tap.
                <NativeSelect
                  label={`Reason ${p.pupilName} is absent`}
                  data={absenceReasons.map((r) => ({ value: r, label: absenceReasonLabels[r] }))}
                  value={choice.reason}
                  onChange={(e) => choose(p.placementId, { reason: e.currentTarget.value as AbsenceReason })}
                />
              )}
              {changed && (
                <TextInput
                  label={`Why the mark for ${p.pupilName} is changed`}
                  value={choice.correctionReason}
                  error={errors[`marks.${i}.correctionReason`]}
                  onChange={(e) => choose(p.placementId, { correctionReason: e.currentTarget.value })}
                />
              )}
              {errors[`marks.${i}.placementId`] && (
                <Text c="red.9" size="sm">
                  {errors[`marks.${i}.placementId`]}
                </Text>
              )}
            </Stack>
          );
        })}
        {send.error && !(send.error instanceof ApiError && send.error.fields.length) && (
          <ErrorAlert error={send.error} />
        )}
        <Button
          onClick={sendSession}
          loading={send.isPending}
          disabled={Object.keys(choices).length === 0}
          fullWidth
        >
          Send {registerSessionLabels[session].toLowerCase()} register
        </Button>
      </Stack>
    </Card>
  );
}
