import { describe, expect, it } from 'vitest';
import { choose, expectAccessible, signIn, skipReason, useBrowser } from './support/browser.ts';

describe.skipIf(skipReason)('a trust administrator sets up the trust', () => {
  const browser = useBrowser();

  it('adds a region and a school, then gives the new school its first year of term dates from the year before', async () => {
    const page = await browser.newPage();
    await signIn(page, 'admin@northway.example');
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Schools and regions' })
      .click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Schools and regions');
    await expectAccessible(page, 'the schools and regions page');

    await page.getByLabel('New region').fill('East');
    await page.getByRole('button', { name: 'Add', exact: true }).first().click();
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'East' }).count()).toBe(1);

    await page.getByLabel(/^School name/).fill('Elm Academy');
    await choose(page, page.getByRole('combobox', { name: 'Region' }), { name: 'East' });
    await page.getByLabel('URN').fill('12345');
    await page.getByRole('button', { name: 'Add school' }).click();
    await expect.poll(() => page.getByText('A URN is 6 digits').isVisible()).toBe(true);
    await page.getByLabel('URN').fill('149010');
    await page.getByRole('button', { name: 'Add school' }).click();
    await expect.poll(() => page.getByRole('rowheader', { name: 'Elm Academy' }).isVisible()).toBe(true);

    await page.goto('/term-dates');
    await choose(page, page.getByRole('combobox', { name: 'School' }), { name: 'Elm Academy' });
    await expect
      .poll(() => page.getByText('No term dates are entered for this year yet.').isVisible())
      .toBe(true);
    await page.getByRole('button', { name: /Fill in from 2025\/26/ }).click();
    await expect
      .poll(() =>
        page.getByRole('alert').filter({ hasText: 'No term dates are entered for 2025/26.' }).isVisible(),
      )
      .toBe(true);
  });

  it('fills a new year from the last one, 52 weeks on, and saves it', async () => {
    const page = await browser.newPage();
    await signIn(page, 'admin@northway.example');
    await page.goto('/term-dates');
    await choose(page, page.getByRole('combobox', { name: 'School' }), { name: 'Hillview School' });
    await choose(page, page.getByRole('combobox', { name: 'Academic year' }), { name: '2027/28' });
    await expect
      .poll(() => page.getByText('No term dates are entered for this year yet.').isVisible())
      .toBe(true);
    await page.getByRole('button', { name: /Fill in from 2026\/27/ }).click();
    await expect.poll(() => page.getByLabel('Autumn 1 first day').inputValue()).toBe('31/08/2027');
    // Starting a day later leaves the first INSET day outside term: the editor says so beside it.
    await page.getByLabel('Autumn 1 first day').fill('2027-09-01');
    await page.getByRole('button', { name: 'Save term dates' }).click();
    const closureError = page.getByText('This date is not in any half-term; closures fall within term', {
      exact: true,
    });
    await expect.poll(() => closureError.first().isVisible()).toBe(true);
    await page.getByLabel('Autumn 1 first day').fill('2027-08-31');
    await page.getByRole('button', { name: 'Save term dates' }).click();
    await expect
      .poll(() => page.getByRole('row', { name: /Pupil days in the year/ }).textContent())
      .toMatch(/19\d$/);
    const summary = page.getByRole('table').filter({ hasText: 'Pupil days in the year' });
    await expect.poll(() => summary.getByRole('rowheader', { name: 'Summer 2' }).isVisible()).toBe(true);
  });

  it('imports a newer GOV.UK bank holidays file, and refuses a file that is not one', async () => {
    const page = await browser.newPage();
    await signIn(page, 'admin@northway.example');
    await page.goto('/term-dates');
    await expect.poll(() => page.getByRole('heading', { name: 'Bank holidays' }).isVisible()).toBe(true);
    const feed = {
      'england-and-wales': {
        division: 'england-and-wales',
        events: [{ title: 'New Year’s Day', date: '2028-01-03', notes: 'Substitute day', bunting: true }],
      },
    };
    const input = page.locator('input[type="file"]');
    await input.setInputFiles({
      name: 'notes.txt',
      mimeType: 'application/json',
      buffer: Buffer.from('not json'),
    });
    await page.getByRole('button', { name: 'Import bank holidays' }).click();
    await expect.poll(() => page.getByText('it is not JSON').isVisible()).toBe(true);
    await input.setInputFiles({
      name: 'bank-holidays.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(feed)),
    });
    await page.getByRole('button', { name: 'Import bank holidays' }).click();
    await expect.poll(() => page.getByText('Read 1 bank holidays; 1 were new.').isVisible()).toBe(true);
    await expectAccessible(page, 'the term dates page after an import');
  });
});
