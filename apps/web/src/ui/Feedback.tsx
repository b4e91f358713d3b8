import { Alert, Center, List, Loader } from '@mantine/core';
import { ApiError } from '../api/errors.ts';

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="md" aria-hidden="true" />
      <span style={{ marginLeft: 12 }}>{label}…</span>
    </Center>
  );
}

/** A failed request, said plainly, with the server's per-field messages when it sent any. */
export function ErrorAlert({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <Alert color="red" title={title} role="alert" mb="md">
      {message}
      {fields.length > 0 && (
        <List size="sm" mt="xs">
          {fields.map((f) => (
            <List.Item key={`${f.path}:${f.message}`}>{f.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
