import { describe, expect, it } from 'vitest';
import { choose, expectAccessible, signIn, skipReason, useBrowser } from './support/browser.ts';

describe.skipIf(skipReason)('an AP lead vets a new provider', () => {
  const browser = useBrowser();

  it('adds the provider, then audits it: a first submit lists what is missing, a complete one is accepted', async () => {
    const page = await browser.newPage();
    await signIn(page, 'aplead@riverside.example');
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Providers' })
      .click();
    await expect
      .poll(() => page.getByRole('link', { name: 'Bridges Learning Centre' }).isVisible())
      .toBe(true);
    await expectAccessible(page, 'the provider directory');

    await page.getByRole('link', { name: 'Add a provider' }).click();
    await page.getByLabel(/^Name of provider/).fill('Harbour Skills');
    await choose(page, page.getByRole('combobox', { name: 'Kind of setting' }), {
      name: 'One-to-one tuition',
    });
    await page.getByLabel(/^Address \*/).fill('3 Dock Road');
    await page.getByLabel(/^Town or city/).fill('Birkenhead');
    await page.getByLabel(/^Postcode/).fill('ch41 1aa');
    await page.getByLabel(/^Telephone number/).fill('0151 000 1234');
    await page.getByLabel(/^E-mail address/).fill('hello@harbour.example');
    await page.getByLabel(/^Key contact \*/).fill('Hal Jones');
    await page.getByLabel('URN', { exact: false }).first().fill('12');
    await page.getByRole('radio', { name: 'No' }).check();
    await page.getByRole('button', { name: 'Add provider' }).click();
    await expect
      .poll(() =>
        page.getByText('A URN is 6 digits, as shown on Get Information about Schools').first().isVisible(),
      )
      .toBe(true);
    await expectAccessible(page, 'the provider form with an error');
    await page.getByLabel('URN', { exact: false }).first().fill('');
    await page.getByRole('button', { name: 'Add provider' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Harbour Skills');
    await expect
      .poll(() => page.getByRole('cell', { name: 'Birkenhead, CH41 1AA', exact: false }).isVisible())
      .toBe(true);
    // A new provider's page lists its sections, what needs doing first, and jumps to each.
    const sections = page.getByRole('navigation', { name: "Sections of this provider's page" });
    const links = sections.getByRole('link');
    await expect.poll(() => links.first().textContent()).toBe('Approval (needs doing)');
    await sections.getByRole('link', { name: /^Insurance/ }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#insurance');
    await page.getByRole('button', { name: 'Start audit' }).click();

    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Audit of Harbour Skills');
    await expectAccessible(page, 'a new audit');
    const groups = page.getByRole('radiogroup');
    await expect.poll(() => groups.count()).toBe(56);
    // Answer all but the first question, then try to submit.
    for (let i = 1; i < 56; i++) await groups.nth(i).getByRole('radio', { name: 'No' }).check();
    for (const comment of await page.getByRole('textbox', { name: /^Comment \(needed\)/ }).all())
      await comment.fill('Discussed on the visit');
    await page.getByRole('button', { name: 'Submit audit' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('alert')
          .filter({ hasText: 'The audit cannot be submitted: 1 answer is missing.' })
          .isVisible(),
      )
      .toBe(true);
    await expect
      .poll(() =>
        page
          .getByRole('link', {
            name: /Does the provider meet the condition for registration above\?: Yes or No missing/,
          })
          .isVisible(),
      )
      .toBe(true);
    await expectAccessible(page, 'an audit refused for a missing answer');

    await groups.nth(0).getByRole('radio', { name: 'No' }).check();
    await page
      .getByRole('radiogroup', { name: 'Is the provision suitable for the pupil(s)? If yes, why?' })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await page.getByRole('button', { name: 'Submit audit' }).click();
    await expect.poll(() => page.getByText('Submitted: suitable').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Submit audit' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Back to Harbour Skills' }).click();
    await expect.poll(() => page.getByText('Awaiting letter', { exact: true }).isVisible()).toBe(true);
  });

  it('a draft keeps its answers between visits', async () => {
    const page = await browser.newPage();
    await signIn(page, 'aplead@riverside.example');
    await page.goto('/providers');
    await page.getByRole('link', { name: 'Greenway Farm Education' }).click();
    await page.getByRole('link', { name: /24 Nov 2026/ }).click();
    await expect.poll(() => page.getByText('20 of 56 questions answered').isVisible()).toBe(true);
    await page
      .getByRole('radiogroup', { name: 'Is behaviour management strong?' })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.getByText('Draft saved.').isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByText('21 of 56 questions answered').isVisible()).toBe(true);
  });

  it('records insurance against the minimums and applies the registration test', async () => {
    const page = await browser.newPage();
    await signIn(page, 'aplead@riverside.example');
    await page.goto('/providers');
    await page.getByRole('link', { name: 'Greenway Farm Education' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Insurance' }).isVisible()).toBe(true);

    // The cover table loads after the page; choosing before it is there would aim at a moving form.
    await expect.poll(() => page.getByRole('rowheader', { name: 'Public liability' }).isVisible()).toBe(true);
    const insurance = page
      .locator('section, div')
      .filter({ has: page.getByRole('heading', { name: 'Insurance' }) })
      .last();
    await choose(page, insurance.getByRole('combobox', { name: 'Kind of cover' }), {
      name: 'Public liability',
    });
    await insurance.getByLabel(/^Insurer/).fill('Zurich Municipal');
    await insurance.getByLabel(/^Level of cover/).fill('1000000');
    await insurance.getByLabel(/^Expiry date/).fill('2027-09-30');
    await insurance.getByRole('button', { name: 'Record policy' }).click();
    await expect
      .poll(() => page.getByText('Public liability cover must be at least £5,000,000').isVisible())
      .toBe(true);
    await insurance.getByLabel(/^Level of cover/).fill('5000000');
    await insurance.getByRole('button', { name: 'Record policy' }).click();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Public liability' }) });
    await expect.poll(() => row.textContent()).toContain('In date');

    // Greenway's audit is not submitted: the test has not been carried out, and no alarm is not a pass.
    await expect
      .poll(() =>
        page.getByText('Not checked yet: confirm the counts at an audit or record a check.').isVisible(),
      )
      .toBe(true);
    await page.getByLabel('Full-time pupils placed by other schools or LAs').fill('0');
    await page.getByLabel('Of those, looked after or with an EHCP').fill('0');
    await page.getByRole('button', { name: 'Apply the test' }).click();
    await expect
      .poll(() => page.getByText(/^Counts confirmed \d{1,2} [A-Z][a-z]{2} \d{4}; due again by/).isVisible())
      .toBe(true);
    await page.getByLabel('Full-time pupils placed by other schools or LAs').fill('1');
    await page.getByLabel('Of those, looked after or with an EHCP').fill('1');
    await page.getByRole('button', { name: 'Apply the test' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'Do not place pupils here' }).isVisible())
      .toBe(true);
    await expectAccessible(page, 'a provider with a registration alarm');
  });

  it('files evidence: a disguised file is refused, a PDF is kept and listed', async () => {
    const page = await browser.newPage();
    await signIn(page, 'aplead@riverside.example');
    await page.goto('/providers');
    await page.getByRole('link', { name: 'Bridges Learning Centre' }).click();
    await expect.poll(() => page.getByText('Nothing filed yet.').isVisible()).toBe(true);

    await choose(page, page.getByRole('combobox', { name: 'Kind of document' }), {
      name: 'Service level agreement',
    });
    await page.getByLabel(/^Title/).fill('Service level agreement 2026/27');
    const fileInput = page.locator('input[type="file"]');
    await fileInput.setInputFiles({
      name: 'sla.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('not really a pdf'),
    });
    await page.getByRole('button', { name: 'File document' }).click();
    await expect
      .poll(() => page.getByText('“sla.pdf” is named as a PDF but its content is not one').isVisible())
      .toBe(true);

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    await fileInput.setInputFiles({ name: 'sla.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: 'File document' }).click();
    await expect
      .poll(() => page.getByRole('link', { name: 'Service level agreement 2026/27' }).isVisible())
      .toBe(true);
    await expect
      .poll(() => page.getByRole('region', { name: 'Documents on file' }).textContent())
      .toContain('sla.pdf');
    await expectAccessible(page, 'a provider with evidence on file');
  });
});
