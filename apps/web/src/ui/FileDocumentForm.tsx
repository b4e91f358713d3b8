import { Button, FileInput, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/errors.ts';
import { DateField } from './DateField.tsx';
import { ErrorAlert } from './Feedback.tsx';
import { notifySuccess } from './notify.ts';

/**
 * Filing a document (a provider's evidence, a pupil's risk assessment or EHCP): its kind, title,
 * date and, where it has one, its expiry, with the file. Filing the same title again adds a version;
 * the server checks the file is what its name says, and its messages show beside each field.
 */
export function FileDocumentForm({
  upload,
  kinds,
  initialKind = null,
  withExpiry = false,
  heading,
  labels,
}: {
  upload: UseMutationResult<unknown, Error, FormData>;
  kinds: Readonly<Record<string, string>>;
  initialKind?: string | null;
  /** Asks for the date the document stops being valid (a certificate, a policy). */
  withExpiry?: boolean;
  heading?: string;
  labels: { kind: string; title: string; submit: string; file: string };
}) {
  const [kind, setKind] = useState<string | null>(initialKind);
  const [title, setTitle] = useState('');
  const [documentDate, setDocumentDate] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const fileIt = () => {
    const form = new FormData();
    form.append('kind', kind ?? '');
    form.append('title', title);
    form.append('documentDate', documentDate);
    if (withExpiry) form.append('expiresOn', expiresOn);
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
    <form
      onSubmit={(e) => {
        e.preventDefault();
        fileIt();
      }}
      noValidate
    >
      <Stack gap="sm">
        {heading && (
          <Title order={3} size="h5">
            {heading}
          </Title>
        )}
        {upload.error && !Object.keys(errors).length && (
          <ErrorAlert error={upload.error} title="The document was not filed" />
        )}
        <Group align="flex-start" wrap="wrap">
          <Select
            label={labels.kind}
            required
            data={Object.entries(kinds).map(([value, label]) => ({ value, label }))}
            value={kind}
            onChange={setKind}
            error={errors.kind}
          />
          <TextInput
            label={labels.title}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          <DateField
            label="Dated"
            value={documentDate}
            onChange={(value) => setDocumentDate(value)}
            error={errors.documentDate}
          />
          {withExpiry && (
            <DateField
              label="Expires"
              value={expiresOn}
              onChange={(value) => setExpiresOn(value)}
              error={errors.expiresOn}
            />
          )}
        </Group>
        <FileInput
          label="File"
          description={labels.file}
          required
          value={file}
          onChange={setFile}
          error={errors.file}
          clearable
        />
        <Button type="submit" loading={upload.isPending} w="fit-content">
          {labels.submit}
        </Button>
      </Stack>
    </form>
  );
}
