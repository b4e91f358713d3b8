import { Select, type SelectProps } from '@mantine/core';

/** Choosing one of the trust's schools (those the person may see), by name. */
export function SchoolSelect({
  schools,
  label = 'School',
  ...select
}: { schools: readonly { id: string; name: string }[] | undefined; label?: string } & Omit<
  SelectProps,
  'data'
>) {
  return (
    <Select label={label} data={(schools ?? []).map((s) => ({ value: s.id, label: s.name }))} {...select} />
  );
}
