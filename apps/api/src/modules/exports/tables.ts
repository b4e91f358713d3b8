/**
 * A list as a table, written as CSV (RFC 4180) or as an XLSX workbook. A cell that a spreadsheet would
 * read as a formula (starting =, +, -, @) is written as text, so an exported name cannot run anything
 * when the file is opened.
 */
import { isValidIsoDate } from '@waymark/domain';
import ExcelJS from 'exceljs';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | boolean | null;
}

const formulaStart = /^[=+\-@\t\r]/;

export function cellText(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value);
  return typeof value === 'string' && formulaStart.test(text) ? `'${text}` : text;
}

export function toCsv<T>(columns: Column<T>[], rows: T[]): string {
  const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [
    columns.map((c) => quote(c.header)),
    ...rows.map((r) => columns.map((c) => quote(cellText(c.value(r))))),
  ];
  return `${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

/** How a workbook shows a date: "6 Oct 2026", as the pages do, while Excel still sorts it as a date. */
export const XLSX_DATE_FORMAT = 'd mmm yyyy';

/**
 * Puts a value in a workbook cell. Numbers stay numbers so they can be summed; a calendar date
 * (YYYY-MM-DD) becomes a real date shown the way people read it; other text is always text, never a
 * formula. CSV keeps the ISO date, which is what other software reads.
 */
export function setXlsxCell(cell: ExcelJS.Cell, value: string | number | boolean | null) {
  if (typeof value === 'number') {
    cell.value = value;
  } else if (typeof value === 'string' && isValidIsoDate(value)) {
    cell.value = new Date(`${value}T00:00:00Z`);
    cell.numFmt = XLSX_DATE_FORMAT;
  } else {
    cell.value = cellText(value);
  }
}

export async function toXlsx<T>(sheetName: string, columns: Column<T>[], rows: T[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Waymark';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = columns.map((c) => ({ header: c.header, width: Math.max(12, c.header.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) {
    const added = sheet.addRow([]);
    for (const [i, c] of columns.entries()) setXlsxCell(added.getCell(i + 1), c.value(row));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
