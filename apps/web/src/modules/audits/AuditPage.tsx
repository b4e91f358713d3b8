import { Alert, Anchor, Button, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import {
  type AuditAnswer,
  type AuditAnswers,
  countQuestions,
  findMissingAnswers,
  momentInWords,
} from '@waymark/domain';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { can, useCurrentSession } from '../auth/session.ts';
import { type AuditView, useAudit, useAuditAnswers } from './audits.api.ts';
import { QuestionCard } from './QuestionCard.tsx';

export function AuditPage() {
  const { auditId = '' } = useParams();
  const audit = useAudit(auditId);
  if (audit.isPending) return <Loading label="Loading the audit" />;
  if (audit.error) return <ErrorAlert error={audit.error} title="This audit could not be shown" />;
  return <AuditForm key={audit.data.updatedAt} audit={audit.data} />;
}

function AuditForm({ audit }: { audit: AuditView }) {
  const session = useCurrentSession();
  const [answers, setAnswers] = useState<AuditAnswers>(audit.answers);
  const [dirty, setDirty] = useState(false);
  const readOnly = audit.status === 'submitted' || !can(session, 'audits.manage');
  const total = countQuestions(audit.template);
  const unanswered = findMissingAnswers(audit.template, answers).filter(
    (m) => m.missing === 'Yes or No',
  ).length;

  const { save, submit } = useAuditAnswers(audit.id);
  const saveDraft = () =>
    save.mutate(answers, {
      onSuccess: () => {
        setDirty(false);
        notifySuccess('Draft saved.');
      },
    });
  // Submitting saves first: an incomplete audit was still saved, so nothing is left unsaved.
  const submitAudit = () =>
    submit.mutate(answers, {
      onSuccess: () => {
        setDirty(false);
        notifySuccess('Audit submitted.');
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'audits.incomplete') setDirty(false);
      },
    });
  const update = (questionId: string, next: AuditAnswer) => {
    setAnswers((all) => ({ ...all, [questionId]: next }));
    setDirty(true);
  };
  const incomplete =
    submit.error instanceof ApiError && submit.error.code === 'audits.incomplete' ? submit.error : null;

  return (
    <>
      <PageHeader
        title={`Audit of ${audit.providerName}`}
        description={`${audit.template.title} · visit on ${momentInWords(audit.visitedAt)} by ${audit.auditorName} · form version ${audit.templateVersion}`}
        actions={
          <Group className="no-print">
            {audit.status === 'submitted' ? (
              <Tag tone={audit.suitable ? 'positive' : 'danger'} size="lg">
                {audit.suitable ? 'Submitted: suitable' : 'Submitted: not suitable'}
              </Tag>
            ) : (
              <Tag tone="warning" size="lg">
                Draft
              </Tag>
            )}
            <Button variant="outline" onClick={() => window.print()}>
              Print
            </Button>
            <Button variant="outline" component="a" href={`/api/audits/${audit.id}/pdf`} target="_blank">
              PDF
            </Button>
          </Group>
        }
      />
      <Stack gap="lg" maw={960}>
        <div>
          <Text size="sm" mb={4}>
            {total - unanswered} of {total} questions answered
          </Text>
          <Progress.Root>
            <Progress.Section value={((total - unanswered) / total) * 100} aria-label="Questions answered" />
          </Progress.Root>
        </div>
        {incomplete && (
          <Alert color="red" title={incomplete.message} role="alert">
            <List size="sm">
              {incomplete.fields.map((f) => (
                <List.Item key={f.path}>
                  <Anchor href={`#q-${f.path.replace('answers.', '')}`} c="inherit" underline="always">
                    {f.message}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {submit.error && !incomplete && (
          <ErrorAlert error={submit.error} title="The audit was not submitted" />
        )}
        <ErrorAlert error={save.error} title="The draft was not saved" />
        {audit.template.sections.map((section) => (
          <Stack key={section.id} gap="sm" component="section" aria-labelledby={`s-${section.id}`}>
            <Title order={2} size="h3" id={`s-${section.id}`}>
              {section.title}
            </Title>
            {section.guidance && <Text c="dimmed">{section.guidance}</Text>}
            {section.questions.map((question) => (
              <QuestionCard
                key={question.id}
                question={question}
                answer={answers[question.id]}
                readOnly={readOnly}
                onChange={(next) => update(question.id, next)}
              />
            ))}
          </Stack>
        ))}
        {!readOnly && (
          <Group
            className="no-print"
            pos="sticky"
            bottom={0}
            bg="var(--mantine-color-body)"
            py="sm"
            style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
          >
            <Button variant="outline" onClick={saveDraft} loading={save.isPending}>
              Save draft
            </Button>
            <Button onClick={submitAudit} loading={submit.isPending}>
              Submit audit
            </Button>
            <Text size="sm" c="dimmed" aria-live="polite">
              {dirty ? 'Changes not saved yet' : 'All changes saved'}
            </Text>
          </Group>
        )}
        <Anchor component={Link} to={`/providers/${audit.providerId}`} className="no-print">
          Back to {audit.providerName}
        </Anchor>
      </Stack>
    </>
  );
}
