import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../apps/api/src/test/pdf-text.ts';
import { activePlacementVia } from './support/api.ts';
import { expectAccessible, skipReason, useBrowser } from './support/browser.ts';
import { riversideWithApprovedProvider } from './support/journeys.ts';

describe.skipIf(skipReason)('the inspection pack', () => {
  const browser = useBrowser();

  it('the headteacher opens the pack for today and downloads it as a PDF and a workbook', async () => {
    const { head, leadApi, providerId, schools } = await riversideWithApprovedProvider(
      browser,
      'Lighthouse Learning',
    );
    await activePlacementVia(leadApi, schools, providerId, {
      upn: 'F340212300011',
      legalFirstName: 'Rowan',
      legalLastName: 'Hale',
    });
    // A placement the local authority arranged is on the register as K, not as the school's B.
    await activePlacementVia(
      leadApi,
      schools,
      providerId,
      { upn: 'L801200100014', legalFirstName: 'Kit', legalLastName: 'Ames' },
      { type: 'local_authority' },
    );

    await head
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Inspection pack' })
      .click();
    await expect.poll(() => head.getByRole('heading', { level: 1 }).textContent()).toBe('Inspection pack');
    const pupils = head.getByRole('region', { name: /Pupils in alternative provision/ });
    await expect.poll(() => pupils.getByRole('rowheader', { name: /Rowan Hale/ }).isVisible()).toBe(true);
    await expect
      .poll(() => head.getByRole('link', { name: 'Lighthouse Learning' }).first().isVisible())
      .toBe(true);
    const registrationOf = async (name: RegExp) =>
      (await pupils
        .getByRole('row')
        .filter({ has: head.getByRole('rowheader', { name }) })
        .textContent()) ?? '';
    await expect.poll(() => registrationOf(/Rowan Hale/)).toContain('Sole (B)');
    await expect.poll(() => registrationOf(/Kit Ames/)).toContain('LA-arranged (K)');
    await expectAccessible(head, 'the inspection pack');

    const pdfDownload = head.waitForEvent('download');
    await head.getByRole('link', { name: 'Download the PDF' }).click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toMatch(/^inspection-pack-riverside-academy-\d{4}-\d{2}-\d{2}\.pdf$/);
    // Checked by what it says: the pupil is in the first section, with the provider.
    const pdfWords = pdfText(readFileSync((await pdf.path())!));
    expect(pdfWords).toMatch(/1\. Pupils in alternative provision \(\d+\)/);
    expect(pdfWords).toContain('Rowan Hale');
    expect(pdfWords).toContain('Lighthouse Learning');

    const xlsxDownload = head.waitForEvent('download');
    await head.getByRole('link', { name: 'Download the workbook (XLSX)' }).click();
    const xlsx = await xlsxDownload;
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await xlsx.path())!) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Pupils in AP',
      'Providers',
      'Placements',
      'Overdue',
    ]);
    const cells = workbook.getWorksheet('Pupils in AP')!.getSheetValues().flat().map(String);
    expect(cells.filter((c) => c.includes('Rowan Hale'))).toHaveLength(1);
    expect(cells).toContain('Lighthouse Learning');

    // The pupil's name opens the placement.
    await pupils
      .getByRole('rowheader', { name: /Rowan Hale/ })
      .getByRole('link', { name: 'Rowan Hale' })
      .click();
    await expect.poll(() => head.getByRole('heading', { level: 1 }).textContent()).toContain('Rowan Hale');
  });
});
