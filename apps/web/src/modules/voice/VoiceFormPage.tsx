import {
  Alert,
  Button,
  Checkbox,
  Container,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { Loading } from '../../ui/Feedback.tsx';
import { useSession } from '../auth/session.ts';
import { useVoiceForm } from './voice.api.ts';

/** Reads words aloud with the browser's own voice, where it has one. */
function speak(text: string) {
  if (!('speechSynthesis' in window)) return false;
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = 'en-GB';
  utterance.rate = 0.9;
  window.speechSynthesis.speak(utterance);
  return true;
}

function ReadAloud({ text, label }: { text: string; label: string }) {
  const [read, setRead] = useState(false);
  return (
    <Button
      variant="default"
      size="md"
      aria-label={label}
      aria-pressed={read}
      onClick={() => setRead(speak(text))}
      leftSection={<span aria-hidden="true">🔊</span>}
    >
      Read it to me
    </Button>
  );
}

/**
 * Where a voice link lands: no account, one form, answered once. The pupil's form has large faces to
 * tap, plain words and a read-aloud button for every question; staff may sit with the pupil.
 */
export function VoiceFormPage() {
  const { token = '' } = useParams();
  useEffect(() => {
    document.title = 'Tell us what you think – Waymark';
  }, []);
  // The session check sets the CSRF cookie the answers must echo; no one is signed in here.
  const session = useSession();
  const { form, answer } = useVoiceForm(token);
  const [answers, setAnswers] = useState<Record<string, number | string>>({});
  const [withStaff, setWithStaff] = useState(false);
  const send = answer;
  const fieldErrors = send.error instanceof ApiError ? send.error.fieldErrors() : {};

  let body: React.ReactNode;
  if (form.isPending || session.isPending) body = <Loading label="Opening the form" />;
  else if (form.error)
    body = (
      <Alert color="blue.9" variant="outline" title="This link cannot be used">
        {form.error.message}
      </Alert>
    );
  else if (send.isSuccess)
    body = (
      <Stack>
        <Title order={2} size="h3">
          Thank you
        </Title>
        <Text size="lg">Your answers have been sent to the school.</Text>
      </Stack>
    );
  else {
    const f = form.data;
    const pupil = f.respondent === 'pupil';
    body = (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate({ answers, withStaff });
        }}
        noValidate
      >
        <Stack gap="xl">
          <Text size="lg">
            {pupil
              ? `Hello ${f.firstName}. Tell us about ${f.providerName}. Tap a face for each question.`
              : `How is ${f.firstName} getting on at ${f.providerName}? There are ${f.questions.length} short questions.`}
          </Text>
          {send.error && !Object.keys(fieldErrors).length && (
            <Alert color="red.9" variant="outline" title="Your answers were not sent">
              {send.error.message}
            </Alert>
          )}
          {f.questions.map((q, n) =>
            q.kind === 'scale' ? (
              <Stack key={q.id} gap="xs">
                <Group justify="space-between" wrap="wrap">
                  <Title order={2} size="h4" id={`q-${q.id}`}>
                    {n + 1}. {q.text}
                  </Title>
                  <ReadAloud
                    label={`Read it to me: question ${n + 1}`}
                    text={`${q.text} ${f.scale.map((s) => s.words).join(', ')}`}
                  />
                </Group>
                <Group role="radiogroup" aria-labelledby={`q-${q.id}`} gap="xs" wrap="wrap">
                  {f.scale.map((s) => {
                    const chosen = answers[q.id] === s.value;
                    return (
                      <UnstyledButton
                        key={s.value}
                        role="radio"
                        aria-checked={chosen}
                        aria-label={s.words}
                        onClick={() => setAnswers({ ...answers, [q.id]: s.value })}
                        style={{
                          minWidth: 64,
                          minHeight: 64,
                          padding: 8,
                          borderRadius: 12,
                          textAlign: 'center',
                          border: chosen ? '3px solid #1c3f94' : '2px solid #868e96',
                          background: chosen ? '#e7f0ff' : 'white',
                        }}
                      >
                        <span aria-hidden="true" style={{ fontSize: 36, display: 'block', lineHeight: 1.1 }}>
                          {s.face}
                        </span>
                        <Text size="sm" c="dark.9">
                          {s.words}
                        </Text>
                      </UnstyledButton>
                    );
                  })}
                </Group>
                {fieldErrors[`answers.${q.id}`] && (
                  <Text c="red.9" size="sm" role="alert">
                    Choose a face for this question
                  </Text>
                )}
              </Stack>
            ) : (
              <Stack key={q.id} gap="xs">
                <Group justify="space-between" wrap="wrap">
                  <Title order={2} size="h4" id={`q-${q.id}`}>
                    {n + 1}. {q.text}
                  </Title>
                  <ReadAloud label={`Read it to me: question ${n + 1}`} text={q.text} />
                </Group>
                <Textarea
                  aria-labelledby={`q-${q.id}`}
                  size="lg"
                  autosize
                  minRows={2}
                  value={String(answers[q.id] ?? '')}
                  onChange={(e) => setAnswers({ ...answers, [q.id]: e.currentTarget.value })}
                />
              </Stack>
            ),
          )}
          {pupil && (
            <Checkbox
              size="md"
              label="A member of staff helped me fill this in"
              checked={withStaff}
              onChange={(e) => setWithStaff(e.currentTarget.checked)}
            />
          )}
          <Button type="submit" size="lg" loading={send.isPending}>
            Send my answers
          </Button>
        </Stack>
      </form>
    );
  }
  return (
    <Container size={640} py="xl" component="main">
      <Title order={1} mb="md">
        Tell us what you think
      </Title>
      <Paper withBorder shadow="sm" p="lg" radius="md">
        {body}
      </Paper>
      <Text size="sm" c="dimmed" mt="md">
        Waymark · your answers go to the school only
      </Text>
    </Container>
  );
}
