import { Card, Checkbox, Group, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type AuditAnswer, type AuditQuestion, dateInWords, isValidIsoDate } from '@waymark/domain';
import { DateField } from '../../ui/DateField.tsx';

const emptyAnswer: AuditAnswer = { answer: null, comment: '', fields: {} };

/** One question of the form: Yes or No, a comment, and the details the form asks for on Yes. */
export function QuestionCard({
  question,
  answer = emptyAnswer,
  readOnly,
  onChange,
}: {
  question: AuditQuestion;
  answer: AuditAnswer | undefined;
  readOnly: boolean;
  onChange: (next: AuditAnswer) => void;
}) {
  if (readOnly) return <AnsweredQuestion question={question} answer={answer} />;
  const commentLabel = question.commentRequired ? 'Comment (needed)' : 'Comment';
  const setField = (id: string, value: string | string[]) =>
    onChange({ ...answer, fields: { ...answer.fields, [id]: value } });
  return (
    <Card withBorder padding="md" id={`q-${question.id}`} component="section">
      <Stack gap="sm">
        <Radio.Group
          label={question.text}
          value={answer.answer ?? ''}
          onChange={(value) => onChange({ ...answer, answer: value as 'yes' | 'no' })}
          styles={{ label: { fontWeight: 600 } }}
        >
          <Group mt={6}>
            <Radio value="yes" label="Yes" />
            <Radio value="no" label="No" />
          </Group>
        </Radio.Group>
        {answer.answer === 'yes' && question.fields.length > 0 && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {question.fields.map((field) =>
              field.kind === 'checklist' ? (
                <Checkbox.Group
                  key={field.id}
                  label={field.label}
                  value={(answer.fields[field.id] as string[] | undefined) ?? []}
                  onChange={(value) => setField(field.id, value)}
                  style={{ gridColumn: '1 / -1' }}
                >
                  <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mt={6} spacing={6}>
                    {field.options?.map((option) => (
                      <Checkbox key={option} value={option} label={option} />
                    ))}
                  </SimpleGrid>
                </Checkbox.Group>
              ) : field.kind === 'date' ? (
                <DateField
                  key={field.id}
                  label={field.label}
                  aria-label={`${field.label}: ${question.text}`}
                  value={(answer.fields[field.id] as string | undefined) ?? ''}
                  onChange={(value) => setField(field.id, value)}
                />
              ) : (
                <TextInput
                  key={field.id}
                  label={field.label}
                  aria-label={`${field.label}: ${question.text}`}
                  inputMode={field.kind === 'money' ? 'decimal' : undefined}
                  value={(answer.fields[field.id] as string | undefined) ?? ''}
                  onChange={(e) => setField(field.id, e.currentTarget.value)}
                />
              ),
            )}
          </SimpleGrid>
        )}
        <Textarea
          label={commentLabel}
          aria-label={`${commentLabel}: ${question.text}`}
          description={question.commentHint}
          autosize
          minRows={1}
          value={answer.comment}
          onChange={(e) => onChange({ ...answer, comment: e.currentTarget.value })}
        />
      </Stack>
    </Card>
  );
}

/** A submitted audit reads as answers, not as greyed-out controls. */
function AnsweredQuestion({ question, answer }: { question: AuditQuestion; answer: AuditAnswer }) {
  const details = question.fields
    .map((field) => {
      const value = answer.fields[field.id];
      const shown = Array.isArray(value)
        ? value.join(', ')
        : field.kind === 'date' && value && isValidIsoDate(value)
          ? dateInWords(value)
          : value;
      return shown ? `${field.label}: ${shown}` : null;
    })
    .filter(Boolean);
  return (
    <Card
      withBorder
      padding="md"
      id={`q-${question.id}`}
      component="section"
      style={{ overflowWrap: 'anywhere' }}
    >
      <Text fw={600}>{question.text}</Text>
      <Text mt={4}>
        Answer:{' '}
        <strong>{answer.answer === 'yes' ? 'Yes' : answer.answer === 'no' ? 'No' : 'Not answered'}</strong>
      </Text>
      {answer.answer === 'yes' && details.map((d) => <Text key={d}>{d}</Text>)}
      {answer.comment && <Text mt={4}>Comment: {answer.comment}</Text>}
    </Card>
  );
}
