import {
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { ProviderDocumentKind } from '@waymark/domain/contracts/providers';
import { useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { useFileDocument, useProviderDocuments } from './providers.api.ts';

const kinds = {
  audit_report: 'Audit report',
  safeguarding_letter: 'Safeguarding assurance letter',
  insurance_certificate: 'Insurance certificate',
  sla: 'Service level agreement',
  policy: 'Policy',
  risk_assessment: 'Risk assessment',
  other: 'Other',
} as const satisfies Record<ProviderDocumentKind, string>;

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Evidence on file (Appendix 3 step 4): every version kept and downloadable. */
export function DocumentsCard({ providerId, canEdit }: { providerId: string; canEdit: boolean }) {
  const [kind, setKind] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [documentDate, setDocumentDate] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const documents = useProviderDocuments(providerId);
  const upload = useFileDocument(providerId);
  const fileIt = () => {
    const form = new FormData();
    form.append('kind', kind ?? '');
    form.append('title', title);
    form.append('documentDate', documentDate);
    form.append('expiresOn', expiresOn);
    if (file) form.append('file', file);
    upload.mutate(form, {
      onSuccess: () => {
        notifySuccess(`“${title}” filed.`);
        setTitle('');
        setFile(null);
        setDocumentDate('');
        setExpiresOn('');
      },
    });
  };
  const errors = upload.error instanceof ApiError ? upload.error.fieldErrors() : {};
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Evidence on file
      </Title>
      <ErrorAlert error={documents.error} title="Documents could not be loaded" />
      {documents.data?.documents.length === 0 && <Text mb="md">Nothing filed yet.</Text>}
      {documents.data && documents.data.documents.length > 0 && (
        <DataTable
          label="Documents on file"
          minWidth={600}
          mb="md"
          headers={['Document', 'Kind', 'Version', 'Dated', 'Expires']}
          rows={documents.data.documents}
          row={(d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Anchor href={`/api/provider-documents/${d.id}/file`} download>
                  {d.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {d.filename}, {size(d.sizeBytes)}
                </Text>
              </Table.Td>
              <Table.Td>{kinds[d.kind]}</Table.Td>
              <Table.Td>{d.version}</Table.Td>
              <Table.Td>{d.documentDate ?? '—'}</Table.Td>
              <Table.Td>{d.expiresOn ?? '—'}</Table.Td>
            </Table.Tr>
          )}
        />
      )}
      {canEdit && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            fileIt();
          }}
        >
          <Stack gap="sm">
            <Title order={3} size="h5">
              File a document
            </Title>
            {upload.error && !Object.keys(errors).length && (
              <ErrorAlert error={upload.error} title="The document was not filed" />
            )}
            <Group align="flex-start" wrap="wrap">
              <Select
                label="Kind of document"
                required
                data={Object.entries(kinds).map(([value, label]) => ({ value, label }))}
                value={kind}
                onChange={setKind}
                error={errors.kind}
              />
              <TextInput
                label="Title"
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
                error={errors.documentDate}
              />
              <TextInput
                label="Expires"
                type="date"
                value={expiresOn}
                onChange={(e) => setExpiresOn(e.currentTarget.value)}
                error={errors.expiresOn}
              />
            </Group>
            <FileInput
              label="File"
              description="PDF, PNG, JPEG or Word, up to 10 MB. Filing the same title again adds a new version."
              required
              value={file}
              onChange={setFile}
              error={errors.file}
              clearable
            />
            <Button type="submit" loading={upload.isPending} w="fit-content">
              File document
            </Button>
          </Stack>
        </form>
      )}
    </Card>
  );
}
