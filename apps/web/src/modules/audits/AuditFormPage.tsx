import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type AuditTemplate, dateInWords, SUITABILITY_QUESTION_ID, todayInLondon } from '@waymark/domain';
import { useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { can, useCurrentSession } from '../auth/session.ts';
import {
  type AuditTemplateWithQuestions,
  useAuditTemplates,
  useCurrentAuditTemplate,
  usePublishAuditTemplate,
} from './audits.api.ts';
import {
  addQuestion,
  questionCount,
  removeQuestion,
  updateQuestion,
  updateSection,
} from './template-editing.ts';

/**
 * The Appendix 1 audit form's versions, and for administrators an editor to publish the next one after
 * the annual policy review. Audits already started keep the version they began on.
 */
export function AuditFormPage() {
  const session = useCurrentSession();
  const versions = useAuditTemplates();
  const current = useCurrentAuditTemplate();
  return (
    <>
      <PageHeader
        title="Audit form"
        description="The Appendix 1 provider audit. Each published version is kept; a new version applies to audits started after it."
      />
      <Stack gap="lg">
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">
            Versions
          </Title>
          <ErrorAlert error={versions.error} title="The versions could not be loaded" />
          {versions.data && (
            <DataTable
              label="Versions of the audit form"
              minWidth={520}
              headers={['Version', 'Published', 'Questions', 'What changed']}
              rows={versions.data.templates}
              row={(t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.version}</Table.Td>
                  <Table.Td>{dateInWords(todayInLondon(new Date(t.publishedAt)))}</Table.Td>
                  <Table.Td>{t.questionCount}</Table.Td>
                  <Table.Td>{t.notes}</Table.Td>
                </Table.Tr>
              )}
            />
          )}
        </Card>
        {current.isPending ? (
          <Loading label="Loading the current form" />
        ) : current.data ? (
          can(session, 'audit_templates.manage') ? (
            <TemplateEditor key={current.data.id} current={current.data} />
          ) : null
        ) : (
          <ErrorAlert error={current.error} title="The current form could not be loaded" />
        )}
      </Stack>
    </>
  );
}

function TemplateEditor({ current }: { current: AuditTemplateWithQuestions }) {
  const [template, setTemplate] = useState<AuditTemplate>(current.template);
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const publish = usePublishAuditTemplate();
  const publishNext = () =>
    publish.mutate(
      { template, notes },
      {
        onSuccess: (published) =>
          notifySuccess(`Version ${published.version} is published. New audits will use it.`),
        onError: (error) => setErrors(error instanceof ApiError ? error.fieldErrors() : {}),
      },
    );
  const errorAt = (path: string) => errors[path];
  const fieldErrorList = Object.entries(errors);
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Prepare version {current.version + 1}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Starts from version {current.version}. Change the wording, add or remove questions, then publish.
        Details a question asks for (insurer, expiry, the policies checklist) stay with it.
      </Text>
      {fieldErrorList.length > 0 && (
        <Alert color="red" role="alert" title="The form was not published" mb="md">
          <List size="sm">
            {fieldErrorList.map(([path, message]) => (
              <List.Item key={path}>{message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {publish.error && fieldErrorList.length === 0 && <ErrorAlert error={publish.error} />}
      <Stack gap="lg">
        {template.sections.map((section, s) => (
          <fieldset key={section.id} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="sm">
              <TextInput
                label={`Section ${s + 1} title`}
                value={section.title}
                error={errorAt(`template.sections.${s}.title`)}
                onChange={(e) => setTemplate(updateSection(template, s, { title: e.currentTarget.value }))}
              />
              {section.questions.map((question, q) => {
                const number = `${s + 1}.${q + 1}`;
                return (
                  <Card key={question.id} withBorder padding="sm" ml={{ base: 0, sm: 'md' }}>
                    <Stack gap="xs">
                      <Textarea
                        label={`Question ${number}`}
                        autosize
                        minRows={1}
                        value={question.text}
                        error={errorAt(`template.sections.${s}.questions.${q}.text`)}
                        onChange={(e) =>
                          setTemplate(updateQuestion(template, s, q, { text: e.currentTarget.value }))
                        }
                      />
                      <Group justify="space-between" wrap="wrap">
                        <Checkbox
                          label="A comment is needed as well as Yes or No"
                          checked={question.commentRequired}
                          onChange={(e) =>
                            setTemplate(
                              updateQuestion(template, s, q, { commentRequired: e.currentTarget.checked }),
                            )
                          }
                        />
                        {question.fields.length > 0 && (
                          <Text size="sm">
                            Also asks for: {question.fields.map((f) => f.label).join(', ')}
                          </Text>
                        )}
                        {question.id !== SUITABILITY_QUESTION_ID && (
                          <Button
                            variant="default"
                            size="xs"
                            onClick={() => setTemplate(removeQuestion(template, s, q))}
                          >
                            Remove question {number}
                          </Button>
                        )}
                      </Group>
                    </Stack>
                  </Card>
                );
              })}
              <Group ml={{ base: 0, sm: 'md' }}>
                <Button variant="outline" size="xs" onClick={() => setTemplate(addQuestion(template, s))}>
                  Add a question to {section.title}
                </Button>
              </Group>
            </Stack>
          </fieldset>
        ))}
        <Textarea
          label="What changed in this version"
          description="For example: Annual policy review, September 2027: question on filtering and monitoring added"
          required
          value={notes}
          error={errorAt('notes')}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        <Group>
          <Button onClick={publishNext} loading={publish.isPending}>
            Publish version {current.version + 1} ({questionCount(template)} questions)
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
