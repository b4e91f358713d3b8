import { Button, Card, FileInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';

/** Imports a newer bank-holidays.json downloaded from GOV.UK (trust administrators). */
export function BankHolidayImport() {
  const [file, setFile] = useState<File | null>(null);
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: async (chosen: File) => {
      let feed: unknown;
      try {
        feed = JSON.parse(await chosen.text());
      } catch {
        throw new ApiError(
          400,
          'file.not_json',
          'This file is not the GOV.UK bank holidays file: it is not JSON.',
        );
      }
      return api<{ received: number; added: number }>('POST', '/api/bank-holidays/import', feed);
    },
    onSuccess: (result) => {
      queryClient.invalidateQueries({ queryKey: ['term-dates'] });
      notifySuccess(`Read ${result.received} bank holidays; ${result.added} were new.`);
      setFile(null);
    },
  });
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Bank holidays
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Waymark ships England and Wales bank holidays to the end of 2027. When GOV.UK publishes later years,
        download bank-holidays.json from gov.uk/bank-holidays.json and import it here.
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (file) upload.mutate(file);
        }}
      >
        <Stack>
          <ErrorAlert error={upload.error} title="The file was not imported" />
          <FileInput
            label="GOV.UK bank holidays file"
            accept="application/json,.json"
            value={file}
            onChange={setFile}
            clearable
          />
          <Button type="submit" variant="outline" disabled={!file} loading={upload.isPending} w="fit-content">
            Import bank holidays
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
