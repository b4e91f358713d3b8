import { describe, expect, it } from 'vitest';
import { choose, expectAccessible, signIn, skipReason, useBrowser } from './support/browser.ts';

describe.skipIf(skipReason)('staff training', () => {
  const browser = useBrowser();

  it('the AP lead adds a member of staff and records their training; the needs review is due', async () => {
    const lead = await browser.newPage();
    await signIn(lead, 'aplead@riverside.example');
    await lead
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Staff training' })
      .click();
    const add = lead.getByRole('form', { name: 'Add a member of staff' });
    await choose(lead, add.getByRole('combobox', { name: /^School/ }), { name: 'Riverside Academy' });
    await add.getByLabel(/^Name/).fill('Jo Whitfield');
    await add.getByLabel(/^Role/).fill('AP link mentor');
    await add.getByRole('button', { name: 'Add' }).click();
    await expect
      .poll(() =>
        lead.getByRole('heading', { name: 'Jo Whitfield, AP link mentor (Riverside Academy)' }).isVisible(),
      )
      .toBe(true);
    await expect.poll(() => lead.getByText('Needs review due').first().isVisible()).toBe(true);

    const record = lead.getByRole('form', { name: 'Record training for Jo Whitfield' });
    await record.getByLabel(/^Course/).fill('Safeguarding in alternative provision');
    await record.getByLabel(/^Run by/).fill('Local safeguarding partnership');
    await record.getByLabel(/^Completed on/).fill('2026-10-05');
    await record.getByLabel(/^Expires on/).fill('2026-09-01');
    await record.getByLabel('Safeguarding in AP').check();
    await record.getByRole('button', { name: 'Record the training' }).click();
    await expect
      .poll(() => record.getByText('The expiry must come after the training date').isVisible())
      .toBe(true);
    await record.getByLabel(/^Expires on/).fill('2028-10-05');
    await record.getByRole('button', { name: 'Record the training' }).click();
    await expect
      .poll(() =>
        lead
          .getByText('Safeguarding in alternative provision (Local safeguarding partnership)', {
            exact: false,
          })
          .isVisible(),
      )
      .toBe(true);
    await expectAccessible(lead, 'the staff training page');
  });

  it('the AP lead checks the school census return', async () => {
    const lead = await browser.newPage();
    await signIn(lead, 'aplead@riverside.example');
    await lead.goto('/placements');
    await lead.getByRole('link', { name: 'School census return' }).click();
    // On 29 November the next census not yet returned is spring's, on 21 January.
    await expect
      .poll(() => lead.getByText('Census day 21 Jan 2027', { exact: false }).isVisible())
      .toBe(true);
    await expect
      .poll(() => lead.getByRole('link', { name: 'Download XML' }).getAttribute('href'))
      .toContain('/api/census/return.xml');
    await expectAccessible(lead, 'the school census page');
    await expect
      .poll(() =>
        lead
          .getByText('Not yet recorded as returned: record it here from census day, 21 Jan 2027.')
          .isVisible(),
      )
      .toBe(true);
    // The autumn census, past, had no AP at Riverside (every journey's placement starts later): confirm it.
    await choose(lead, lead.getByRole('combobox', { name: 'Census' }), { name: 'Autumn' });
    await expect.poll(() => lead.getByText('Census day 1 Oct 2026', { exact: false }).isVisible()).toBe(true);
    await lead.getByRole('button', { name: 'Confirm no AP was arranged' }).click();
    await expect
      .poll(() => lead.getByText(/Confirmed: no AP was arranged in the collection period/).isVisible())
      .toBe(true);
  });
});
