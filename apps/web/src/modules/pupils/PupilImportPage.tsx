import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  List,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  type ImportField,
  type ImportMapping,
  importFieldLabels,
  importFields,
  requiredImportFields,
} from '@waymark/domain';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useOrganisation } from '../organisation/organisation.api.ts';
import { usePupilImport } from './pupils.api.ts';

/**
 * Importing pupils: choose the file, check which column is which, see every row with its problems,
 * and import only when all are right — then all of them at once.
 */
export function PupilImportPage() {
  const navigate = useNavigate();
  const { data: organisation } = useOrganisation();
  const schools = (organisation?.schools ?? []).map((s) => ({ value: s.id, label: s.name }));
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const [format, setFormat] = useState<'csv' | 'ctf'>('csv');
  const [file, setFile] = useState<File | null>(null);
  const [content, setContent] = useState('');
  const [mapping, setMapping] = useState<ImportMapping | undefined>(undefined);
  const chosenSchool = schoolId ?? (schools.length === 1 ? schools[0]!.value : null);
  const body = () => ({
    schoolId: chosenSchool ?? '',
    format,
    content,
    mapping: format === 'csv' ? mapping : undefined,
  });
  const { preview, run } = usePupilImport();
  const check = () => preview.mutate(body(), { onSuccess: (result) => setMapping(result.mapping) });
  const importAll = () =>
    run.mutate(body(), {
      onSuccess: (result) => {
        notifySuccess(`${result.imported} pupils imported.`);
        navigate('/pupils');
      },
    });
  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setMapping(undefined);
    preview.reset();
    setContent(chosen ? await chosen.text() : '');
  };
  const p = preview.data;
  return (
    <>
      <PageHeader
        title="Import pupils"
        description="From a CSV export of your MIS, or a DfE Common Transfer File. Nothing is saved until you import, and then every row is saved or none."
      />
      <Stack gap="lg">
        <Card withBorder padding="lg">
          <Stack gap="sm">
            {schools.length > 1 && (
              <Select label="School" required data={schools} value={schoolId} onChange={setSchoolId} />
            )}
            <Radio.Group label="Kind of file" value={format} onChange={(v) => setFormat(v as 'csv' | 'ctf')}>
              <Stack mt="xs" gap="xs">
                <Radio value="csv" label="CSV (spreadsheet export)" />
                <Radio value="ctf" label="Common Transfer File (XML)" />
              </Stack>
            </Radio.Group>
            <FileInput
              label="File"
              required
              value={file}
              onChange={(f) => void choose(f)}
              accept={format === 'csv' ? '.csv,text/csv' : '.xml'}
            />
            <Group>
              <Button onClick={check} disabled={!content || !chosenSchool} loading={preview.isPending}>
                Check the file
              </Button>
            </Group>
            <ErrorAlert error={preview.error} title="The file could not be read" />
          </Stack>
        </Card>
        {p && format === 'csv' && (
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="xs">
              Which column is which
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              Guessed from the headings; change any that are wrong, then check again.
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {importFields.map((field: ImportField) => (
                <Select
                  key={field}
                  label={importFieldLabels[field]}
                  required={requiredImportFields.includes(field)}
                  clearable
                  data={p.headers}
                  value={mapping?.[field] ?? null}
                  onChange={(value) => setMapping({ ...mapping, [field]: value ?? undefined })}
                />
              ))}
            </SimpleGrid>
            <Group mt="sm">
              <Button variant="outline" onClick={check} loading={preview.isPending}>
                Check again
              </Button>
            </Group>
          </Card>
        )}
        {p && (
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="xs">
              What would be imported
            </Title>
            {p.missingColumns.length > 0 && (
              <Alert color="red" role="alert" mb="sm" title="Some columns are not chosen">
                Choose a column for: {p.missingColumns.map((m) => m.label).join(', ')}.
              </Alert>
            )}
            <Text mb="sm" aria-live="polite">
              {p.ready} ready, {p.withProblems} with problems.
            </Text>
            <DataTable
              label="Rows in the file"
              minWidth={560}
              striped
              headers={['Line', 'Pupil', 'Problems']}
              rows={p.rows}
              row={(row) => (
                <Table.Tr key={row.line}>
                  <Table.Td>{row.line}</Table.Td>
                  <Table.Td>{row.name ? `${row.name} (${row.upn})` : '—'}</Table.Td>
                  <Table.Td>
                    {row.problems.length === 0 ? (
                      <Tag tone="positive">Ready</Tag>
                    ) : (
                      <List size="sm">
                        {row.problems.map((problem) => (
                          <List.Item key={`${problem.field}-${problem.message}`}>
                            {(importFieldLabels as Record<string, string>)[problem.field] ?? problem.field}:{' '}
                            {problem.message}
                          </List.Item>
                        ))}
                      </List>
                    )}
                  </Table.Td>
                </Table.Tr>
              )}
            />
            <ErrorAlert error={run.error} title="Nothing was imported" />
            <Group mt="md">
              <Button
                onClick={importAll}
                loading={run.isPending}
                disabled={p.withProblems > 0 || p.missingColumns.length > 0 || p.ready === 0}
              >
                Import {p.ready} pupils
              </Button>
            </Group>
          </Card>
        )}
      </Stack>
    </>
  );
}
