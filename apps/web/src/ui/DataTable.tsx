import { Table, type TableProps, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { HeaderRow } from './HeaderRow.tsx';
import { TableScroll } from './TableScroll.tsx';

/**
 * A table of records: its column headings and one row per record (`row` draws a `Table.Tr` with its
 * key), scrolling sideways inside its card where the screen is narrower than `minWidth`. With no
 * records it says `empty` instead of showing headings over nothing.
 */
export function DataTable<Row>({
  label,
  minWidth,
  mb,
  headers,
  rows,
  row,
  empty,
  ...table
}: {
  /** Names the scrolling region for assistive technology. */
  label: string;
  minWidth: number;
  mb?: string;
  headers: readonly string[];
  rows: readonly Row[];
  row: (item: Row, index: number) => ReactNode;
  /** Said instead of a table with no rows: what would fill it, and where to start. */
  empty?: ReactNode;
} & Omit<TableProps, 'children' | 'mb'>) {
  if (rows.length === 0 && empty) return <Text mb={mb}>{empty}</Text>;
  return (
    <TableScroll label={label} minWidth={minWidth} mb={mb}>
      <Table {...table}>
        <HeaderRow names={headers} />
        <Table.Tbody>{rows.map((item, index) => row(item, index))}</Table.Tbody>
      </Table>
    </TableScroll>
  );
}
