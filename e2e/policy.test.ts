import { describe, expect, it } from 'vitest';
import { expectAccessible, signIn, skipReason, useBrowser } from './support/browser.ts';

describe.skipIf(skipReason)('the AP policy', () => {
  const browser = useBrowser();

  it('shows the administrator the overdue annual review on the board until a new issue is recorded', async () => {
    // A laptop set to American English: the date boxes still show and read day/month/year.
    const admin = await browser.newPage({ locale: 'en-US' });
    await signIn(admin, 'admin@northway.example');
    const overdue = admin.getByRole('region', { name: 'Overdue' });
    const reminder = overdue.getByRole('link', { name: 'Review the AP policy (EDE/POL/013, issue 002)' });
    await expect.poll(() => reminder.isVisible()).toBe(true);
    await expectAccessible(admin, 'the what-is-due board');
    await reminder.click();
    await expect
      .poll(() => admin.getByRole('heading', { name: 'EDE/POL/013, issue 002' }).isVisible())
      .toBe(true);
    await expectAccessible(admin, 'the AP policy page');

    const form = admin.getByRole('form', { name: 'Record a new issue' });
    await form.getByLabel(/^Issue number/).fill('003');
    const issued = form.getByLabel(/^Issue date/);
    await issued.fill('27/11/2026');
    await issued.blur();
    await expect.poll(() => issued.inputValue()).toBe('27/11/2026');
    await expect.poll(() => issued.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await form.getByLabel(/^Author/).fill('James Madine');
    await form.getByLabel(/^Approver/).fill('Jo Sharpe');
    const nextReview = form.getByLabel(/^Next review/);
    await nextReview.fill('31/11/2027');
    await nextReview.blur();
    await expect
      .poll(() => form.getByText('Enter the date as day/month/year, for example 06/10/2026').isVisible())
      .toBe(true);
    await nextReview.fill('27 Nov 2027');
    await nextReview.blur();
    await expect.poll(() => nextReview.inputValue()).toBe('27/11/2027');
    await form
      .getByLabel(/^What changed/)
      .fill('Annual review: termly filtering assurance and voice links added');
    await form.getByRole('button', { name: 'Record the issue' }).click();
    await expect
      .poll(() => admin.getByRole('heading', { name: 'EDE/POL/013, issue 003' }).isVisible())
      .toBe(true);
    await expect.poll(() => admin.getByText(/Issued 27 Nov 2026\./).isVisible()).toBe(true);
    await expect.poll(() => admin.getByText(/review 27 Nov 2027\./).isVisible()).toBe(true);
    await admin.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Home' }).click();
    await expect.poll(() => admin.getByRole('heading', { name: /^Welcome/ }).isVisible()).toBe(true);
    await expect.poll(() => reminder.count()).toBe(0);
  });
});
