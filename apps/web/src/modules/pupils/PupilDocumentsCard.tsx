import { Anchor, Card, List, Text, Title } from '@mantine/core';
import { dateInWords } from '@waymark/domain';
import { pupilDocumentKindLabels } from '@waymark/domain/contracts/pupils';
import { FileDocumentForm } from '../../ui/FileDocumentForm.tsx';
import { useFilePupilDocument, usePupilDocuments } from './pupils.api.ts';

/** The pupil's risk assessment, profile and EHCP: kept with every version; downloads are logged. */
export function PupilDocumentsCard({ pupilId, canEdit }: { pupilId: string; canEdit: boolean }) {
  const documents = usePupilDocuments(pupilId);
  const upload = useFilePupilDocument(pupilId);
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
              {d.documentDate ? `, ${dateInWords(d.documentDate)}` : ''})
            </List.Item>
          ))}
        </List>
      )}
      {canEdit && (
        <FileDocumentForm
          upload={upload}
          kinds={pupilDocumentKindLabels}
          initialKind="risk_assessment"
          labels={{
            kind: 'Kind of pupil document',
            title: 'Document title',
            submit: 'File pupil document',
            file: 'PDF, PNG, JPEG or Word, up to 10 MB',
          }}
        />
      )}
    </Card>
  );
}
