import { Button, Card, FileInput, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { useRegisterCsv } from './attendance.api.ts';

/** For providers with their own register: upload it as CSV, see every problem, record all or nothing. */
export function RegisterCsvCard() {
  const [file, setFile] = useState<File | null>(null);
  const [content, setContent] = useState('');
  const { preview, upload } = useRegisterCsv();
  const record = () =>
    upload.mutate(content, {
      onSuccess: (result) => {
        notifySuccess(`${result.recorded} marks recorded.`);
        preview.reset();
      },
    });
  const p = preview.data;
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">
        Upload your own register
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A CSV file with the columns Date (YYYY-MM-DD), Session (AM or PM), UPN, Mark (present, late or
        absent), Reason (for an absence) and, to change a mark already sent, Correction reason.
      </Text>
      <Stack gap="sm">
        <FileInput
          label="Register file"
          accept=".csv,text/csv"
          value={file}
          onChange={async (chosen) => {
            setFile(chosen);
            preview.reset();
            upload.reset();
            setContent(chosen ? await chosen.text() : '');
          }}
        />
        <Group>
          <Button
            variant="outline"
            onClick={() => preview.mutate(content)}
            disabled={!content}
            loading={preview.isPending}
          >
            Check the file
          </Button>
        </Group>
        <ErrorAlert error={preview.error ?? upload.error} title="Nothing was recorded" />
        {p && (
          <>
            <Text aria-live="polite">
              {p.ready} rows ready, {p.withProblems} with problems.
            </Text>
            {p.withProblems > 0 && (
              <List size="sm">
                {p.rows
                  .filter((r) => r.problems.length)
                  .flatMap((r) =>
                    r.problems.map((problem) => (
                      <List.Item key={`${r.line}-${problem}`}>
                        Line {r.line}: {problem}
                      </List.Item>
                    )),
                  )}
              </List>
            )}
            <Group>
              <Button
                onClick={record}
                disabled={p.withProblems > 0 || p.ready === 0}
                loading={upload.isPending}
              >
                Record {p.ready} marks
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
