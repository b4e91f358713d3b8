import { Table } from '@mantine/core';

/** A table's column headings, each a column header for assistive technology (`scope="col"`). */
export function HeaderRow({ names }: { names: readonly string[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {names.map((name) => (
          <Table.Th key={name} scope="col">
            {name}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
