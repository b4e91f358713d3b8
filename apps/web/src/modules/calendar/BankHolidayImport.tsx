import { Button, Card, FileInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { useImportBankHolidays } from './calendar.api.ts';

/** Imports a newer bank-holidays.json downloaded from GOV.UK (trust administrators). */
export function BankHolidayImport() {
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportBankHolidays();
  const importFile = (chosen: File) =>
    upload.mutate(chosen, {
      onSuccess: (result) => {
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
          if (file) importFile(file);
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
