import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type QaAnswers, type QaJudgement, qaJudgementLabels, qaJudgements } from '@waymark/domain';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { can, useCurrentSession } from '../auth/session.ts';
import { PupilsSeenCard } from './PupilsSeenCard.tsx';
import { QaActionsCard } from './QaActionsCard.tsx';
import { type LocalDraft, localDrafts, type QaVisit, visitCalls, visitKey } from './qa.api.ts';

/** One QA visit: the Appendix 5 form, filled in on a tablet during the visit, then completed. */
export function QaVisitPage() {
  const { visitId = '' } = useParams();
  const session = useCurrentSession();
  const visit = useQuery({
    queryKey: visitKey(visitId),
    queryFn: async () => {
      const loaded = await visitCalls.load(visitId);
      localDrafts.keepVisit(loaded);
      return loaded;
    },
    // Without a connection the request fails at once, and the copy on this device opens instead.
    networkMode: 'always',
    retry: false,
  });
  const offlineCopy =
    visit.error instanceof ApiError && visit.error.code === 'network.unreachable'
      ? localDrafts.keptVisit(visitId)
      : null;
  const shown = visit.data ?? offlineCopy;
  if (visit.isPending) return <Loading label="Loading the visit" />;
  if (!shown) return <ErrorAlert error={visit.error} title="The visit could not be loaded" />;
  const editable = shown.status === 'draft' && can(session, 'qa.manage');
  // A new form when the visit is completed; saves keep the same form and move its version on.
  return (
    <VisitForm
      key={`${shown.id} ${shown.status}`}
      visit={shown}
      editable={editable}
      openedOffline={!visit.data && offlineCopy !== null}
    />
  );
}

function VisitForm({
  visit,
  editable,
  openedOffline,
}: {
  visit: QaVisit;
  editable: boolean;
  openedOffline: boolean;
}) {
  const queryClient = useQueryClient();
  // Start from this device's unsent copy when it is of the version the server still has.
  const [draft, setDraft] = useState<LocalDraft>(() => {
    const local = localDrafts.read(visit.id);
    return local && local.version === visit.version
      ? local
      : {
          version: visit.version,
          visitOn: visit.visitOn,
          visitors: visit.visitors,
          answers: visit.answers,
          pupilsSeen: visit.pupilsSeen,
        };
  });
  const [offline, setOffline] = useState(openedOffline);
  const change = (next: Partial<LocalDraft>) =>
    setDraft((current) => {
      const updated = { ...current, ...next };
      if (editable) localDrafts.write(visit.id, updated);
      return updated;
    });

  const save = useMutation({
    // Sent at once even offline, so that a lost connection fails now and says where the draft is,
    // rather than waiting unseen for the browser to come back online.
    networkMode: 'always',
    mutationFn: (d: LocalDraft) => {
      if (editable) localDrafts.write(visit.id, d);
      return visitCalls.save(visit.id, d);
    },
    onSuccess: async () => {
      // The server moved the version on by one; the next save must say so.
      setDraft((current) => ({ ...current, version: current.version + 1 }));
      localDrafts.clear(visit.id);
      setOffline(false);
      await queryClient.invalidateQueries({ queryKey: visitKey(visit.id) });
      notifySuccess('Draft saved.');
    },
    onError: (error) => setOffline(error instanceof ApiError && error.code === 'network.unreachable'),
  });
  const complete = useMutation({
    networkMode: 'always',
    mutationFn: async () => {
      await visitCalls.save(visit.id, draft);
      setDraft((current) => ({ ...current, version: current.version + 1 }));
      localDrafts.clear(visit.id);
      await visitCalls.complete(visit.id);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: visitKey(visit.id) }),
    onSuccess: () => notifySuccess('Visit completed.'),
  });
  // Back online: send what was kept on this device.
  const retry = useCallback(() => {
    if (offline) save.mutate(draft);
  }, [offline, save, draft]);
  useEffect(() => {
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [retry]);

  const missing = complete.error instanceof ApiError ? complete.error.fields : [];
  const setAnswer = (lineId: string, value: Partial<QaAnswers[string]>) =>
    change({
      answers: {
        ...draft.answers,
        [lineId]: { judgement: null, comment: '', ...draft.answers[lineId], ...value },
      },
    });

  return (
    <>
      <PageHeader
        title={`QA visit: ${visit.providerName}`}
        description={`${visit.schoolName}. Appendix 5, Ongoing Quality Assurance Monitoring of Teaching & Learning.`}
      />
      <Stack>
        <Group gap="xs">
          {visit.status === 'completed' ? (
            <Tag tone="positive">Completed by {visit.completedByName}</Tag>
          ) : (
            <Tag tone="info">Draft</Tag>
          )}
          {visit.overall && (
            <Tag tone={visit.overall === 'concern' ? 'danger' : 'neutral'}>
              Overall: {qaJudgementLabels[visit.overall as QaJudgement]}
            </Tag>
          )}
          <Anchor href={`/api/qa/visits/${visit.id}/report.pdf`}>Download the report (PDF)</Anchor>
        </Group>
        {offline && (
          <Alert color="blue.9" variant="outline" title="Saved on this device only">
            Waymark cannot be reached. Your answers are kept on this device and will be sent when the
            connection returns; you can also press Save draft again.
          </Alert>
        )}
        <Card withBorder padding="lg">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField
              label="Date of visit"
              value={draft.visitOn}
              disabled={!editable}
              onChange={(value) => change({ visitOn: value })}
            />
            <TextInput
              label="Visited by"
              description="Names and roles"
              value={draft.visitors}
              disabled={!editable}
              onChange={(e) => change({ visitors: e.currentTarget.value })}
              error={missing.find((f) => f.path === 'visitors')?.message}
            />
          </SimpleGrid>
        </Card>
        {visit.template.areas.map((area) => (
          <Card withBorder padding="lg" key={area.id}>
            <Title order={2} size="h4" mb="sm">
              {area.title}
            </Title>
            <Stack gap="lg">
              {area.lines.map((line) => {
                const answer = draft.answers[line.id];
                const problem = missing.find((f) => f.path === `answers.${line.id}`);
                return (
                  <Stack gap={6} key={line.id}>
                    <Radio.Group
                      // Two areas share a line's wording: the area, read out first, tells them apart.
                      label={
                        <>
                          <VisuallyHidden>{area.title}: </VisuallyHidden>
                          {line.text}
                        </>
                      }
                      value={answer?.judgement ?? null}
                      onChange={(v) => setAnswer(line.id, { judgement: v as QaJudgement })}
                      error={problem ? 'Choose a judgement' : undefined}
                    >
                      <Group gap="md" mt={4}>
                        {qaJudgements
                          .filter((j) => j !== 'not_applicable' || area.optional)
                          .map((j) => (
                            <Radio key={j} value={j} label={qaJudgementLabels[j]} disabled={!editable} />
                          ))}
                      </Group>
                    </Radio.Group>
                    <Textarea
                      aria-label={`Comments & notes: ${area.title}: ${line.text}`}
                      placeholder="Comments & notes"
                      autosize
                      minRows={1}
                      value={answer?.comment ?? ''}
                      disabled={!editable}
                      onChange={(e) => setAnswer(line.id, { comment: e.currentTarget.value })}
                    />
                  </Stack>
                );
              })}
            </Stack>
          </Card>
        ))}
        <PupilsSeenCard
          placed={visit.placed}
          seen={draft.pupilsSeen}
          editable={editable}
          onChange={(pupilsSeen) => change({ pupilsSeen })}
        />
        {editable && (
          <Card withBorder padding="lg">
            <Stack gap="sm">
              {missing.length > 0 && (
                <Alert color="red.9" variant="outline" title={complete.error?.message}>
                  <Text size="sm">Judge these before completing the visit:</Text>
                  <ul>
                    {missing.map((f) => (
                      <li key={f.path}>{f.message}</li>
                    ))}
                  </ul>
                </Alert>
              )}
              {complete.error && !missing.length && <ErrorAlert error={complete.error} />}
              {save.error && !offline && <ErrorAlert error={save.error} title="The draft was not saved" />}
              <Group>
                <Button variant="outline" loading={save.isPending} onClick={() => save.mutate(draft)}>
                  Save draft
                </Button>
                <Button loading={complete.isPending} onClick={() => complete.mutate()}>
                  Complete the visit
                </Button>
              </Group>
            </Stack>
          </Card>
        )}
        <QaActionsCard visit={visit} />
      </Stack>
    </>
  );
}
