import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type Column, toCsv, toXlsx } from './tables.ts';

const columns: Column<{ name: string; n: number; ok: boolean }>[] = [
  { header: 'Name', value: (r) => r.name },
  { header: 'Count', value: (r) => r.n },
  { header: 'Met', value: (r) => r.ok },
];
const rows = [
  { name: 'Smith, "Jo"', n: 3, ok: true },
  { name: '=HYPERLINK("http://evil.example")', n: 0, ok: false },
];

describe('exported tables', () => {
  it('writes CSV with quoting, and formulas as text', () => {
    expect(toCsv(columns, rows)).toBe(
      'Name,Count,Met\r\n"Smith, ""Jo""",3,Yes\r\n"\'=HYPERLINK(""http://evil.example"")",0,No\r\n',
    );
  });

  it('writes a workbook whose numbers are numbers and formulas are text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx('Providers', columns, rows)) as never);
    const sheet = workbook.getWorksheet('Providers')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'Count', 'Met']);
    expect(sheet.getCell('B2').value).toBe(3);
    expect(sheet.getCell('A3').value).toBe('\'=HYPERLINK("http://evil.example")');
    expect(sheet.getCell('A3').formula).toBeUndefined();
  });

  it('writes a calendar date as a date shown "6 Oct 2026" in a workbook, and as ISO in CSV', async () => {
    const dated: Column<{ on: string; note: string }>[] = [
      { header: 'On', value: (r) => r.on },
      { header: 'Note', value: (r) => r.note },
    ];
    const entries = [{ on: '2026-10-06', note: '2026-10-06 and after' }];
    expect(toCsv(dated, entries)).toBe('On,Note\r\n2026-10-06,2026-10-06 and after\r\n');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx('Dates', dated, entries)) as never);
    const sheet = workbook.getWorksheet('Dates')!;
    expect(sheet.getCell('A2').value).toEqual(new Date('2026-10-06T00:00:00Z'));
    expect(sheet.getCell('A2').numFmt).toBe('d mmm yyyy');
    // Text that only starts with a date stays text.
    expect(sheet.getCell('B2').value).toBe('2026-10-06 and after');
  });
});
