import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { HeaderRow } from './HeaderRow.tsx';
import { TableScroll } from './TableScroll.tsx';

/**
 * A table of records: its column headings and one row per record (`row` draws a `Table.Tr` with its
 * key), scrolling sideways inside its card where the screen is narrower than `minWidth`.
 */
export function DataTable<Row>({
  label,
  minWidth,
  mb,
  headers,
  rows,
  row,
  ...table
}: {
  /** Names the scrolling region for assistive technology. */
  label: string;
  minWidth: number;
  mb?: string;
  headers: readonly string[];
  rows: readonly Row[];
  row: (item: Row, index: number) => ReactNode;
} & Omit<TableProps, 'children' | 'mb'>) {
  return (
    <TableScroll label={label} minWidth={minWidth} mb={mb}>
      <Table {...table}>
        <HeaderRow names={headers} />
        <Table.Tbody>{rows.map((item, index) => row(item, index))}</Table.Tbody>
      </Table>
    </TableScroll>
  );
}
