import { describe, expect, it } from 'vitest';
import { expectAccessible, signIn, skipReason, useBrowser } from './support/browser.ts';

const header = 'UPN,Legal Forename,Legal Surname,DOB,Gender,SEN Status,LAC';
const rows = ['T340212300001,Rhys,Ahmed,12/10/2011,M,K,N', 'G340212300002,Lola,Baines,2012-02-20,F,N,N'];
const csv = (lines: string[]) => Buffer.from([header, ...lines].join('\n'));

describe.skipIf(skipReason)('importing pupils', () => {
  const browser = useBrowser();

  it('the AP lead previews a CSV, sees the row that is wrong, and imports once it is right', async () => {
    const page = await browser.newPage();
    await signIn(page, 'aplead@riverside.example');
    await page.goto('/pupils/import');
    await expect.poll(() => page.getByRole('heading', { name: 'Import pupils' }).isVisible()).toBe(true);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'pupils.csv',
      mimeType: 'text/csv',
      buffer: csv([...rows, 'W340212300004,Max,Cole,1/1/2012,M,N,N']),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(() => page.getByText('2 ready, 1 with problems.').isVisible()).toBe(true);
    await expect
      .poll(() => page.getByText('The check letter does not match', { exact: false }).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Import 2 pupils' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'an import preview with a problem');

    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'pupils.csv', mimeType: 'text/csv', buffer: csv(rows) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(() => page.getByText('2 ready, 0 with problems.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Import 2 pupils' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Ahmed, Rhys' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: 'Baines, Lola' }).isVisible()).toBe(true);
  });
});
