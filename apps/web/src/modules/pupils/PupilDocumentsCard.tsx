import {
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  List,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { pupilDocumentKindLabels } from '@waymark/domain/contracts/pupils';
import { useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { useFilePupilDocument, usePupilDocuments } from './pupils.api.ts';

/** The pupil's risk assessment, profile and EHCP: kept with every version; downloads are logged. */
export function PupilDocumentsCard({ pupilId, canEdit }: { pupilId: string; canEdit: boolean }) {
  const documents = usePupilDocuments(pupilId);
  const [kind, setKind] = useState<string | null>('risk_assessment');
  const [title, setTitle] = useState('');
  const [documentDate, setDocumentDate] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const upload = useFilePupilDocument(pupilId);
  const fileIt = () => {
    const form = new FormData();
    form.append('kind', kind ?? '');
    form.append('title', title);
    form.append('documentDate', documentDate);
    if (file) form.append('file', file);
    upload.mutate(form, {
      onSuccess: () => {
        notifySuccess(`“${title}” filed.`);
        setTitle('');
        setFile(null);
      },
    });
  };
  const errors = upload.error instanceof ApiError ? upload.error.fieldErrors() : {};
  const list = documents.data?.documents ?? [];
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Documents
      </Title>
      {list.length === 0 ? (
        <Text mb="sm">No documents yet.</Text>
      ) : (
        <List mb="md">
          {list.map((d) => (
            <List.Item key={d.id}>
              <Anchor href={`/api/pupils/${pupilId}/documents/${d.id}/file`}>{d.title}</Anchor> (
              {pupilDocumentKindLabels[d.kind]}, version {d.version}
              {d.documentDate ? `, ${d.documentDate}` : ''})
            </List.Item>
          ))}
        </List>
      )}
      {canEdit && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            fileIt();
          }}
          noValidate
        >
          <Stack gap="sm">
            {upload.error && !(upload.error instanceof ApiError && upload.error.fields.length) && (
              <ErrorAlert error={upload.error} />
            )}
            <Group align="flex-start" wrap="wrap">
              <Select
                label="Kind of pupil document"
                data={Object.entries(pupilDocumentKindLabels).map(([value, label]) => ({ value, label }))}
                value={kind}
                onChange={setKind}
                error={errors.kind}
              />
              <TextInput
                label="Document title"
                required
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                error={errors.title}
              />
              <TextInput
                label="Dated"
                type="date"
                value={documentDate}
                onChange={(e) => setDocumentDate(e.currentTarget.value)}
              />
            </Group>
            <FileInput
              label="File"
              description="PDF, PNG, JPEG or Word, up to 10 MB"
              required
              value={file}
              onChange={setFile}
              error={errors.file}
              clearable
            />
            <Group>
              <Button type="submit" variant="outline" loading={upload.isPending}>
                File pupil document
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
