import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { maybeDateInWords } from '@waymark/domain';
import { providerDocumentKindLabels } from '@waymark/domain/contracts/providers';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { FileDocumentForm } from '../../ui/FileDocumentForm.tsx';
import { useFileDocument, useProviderDocuments } from './providers.api.ts';

const kinds = providerDocumentKindLabels;

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Evidence on file (Appendix 3 step 4): every version kept and downloadable. */
export function DocumentsCard({ providerId, canEdit }: { providerId: string; canEdit: boolean }) {
  const documents = useProviderDocuments(providerId);
  const upload = useFileDocument(providerId);
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
              <Table.Td>{maybeDateInWords(d.documentDate)}</Table.Td>
              <Table.Td>{maybeDateInWords(d.expiresOn)}</Table.Td>
            </Table.Tr>
          )}
        />
      )}
      {canEdit && (
        <FileDocumentForm
          upload={upload}
          kinds={kinds}
          withExpiry
          heading="File a document"
          labels={{
            kind: 'Kind of document',
            title: 'Title',
            submit: 'File document',
            file: 'PDF, PNG, JPEG or Word, up to 10 MB. Filing the same title again adds a new version.',
          }}
        />
      )}
    </Card>
  );
}
