/**
 * A list as a table, written as CSV (RFC 4180) or as an XLSX workbook. A cell that a spreadsheet would
 * read as a formula (starting =, +, -, @) is written as text, so an exported name cannot run anything
 * when the file is opened.
 */
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

export async function toXlsx<T>(sheetName: string, columns: Column<T>[], rows: T[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Waymark';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = columns.map((c) => ({ header: c.header, width: Math.max(12, c.header.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows)
    sheet.addRow(
      columns.map((c) => {
        const value = c.value(row);
        // Numbers stay numbers so they can be summed; text is always text, never a formula.
        return typeof value === 'number' ? value : cellText(value);
      }),
    );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
