import { describe, expect, it } from 'vitest';
import { expectAccessible, signIn, skipReason, useBrowser } from './support/browser.ts';

describe.skipIf(skipReason)('the AP policy', () => {
  const browser = useBrowser();

  it('shows the administrator the overdue annual review on the board until a new issue is recorded', async () => {
    const admin = await browser.newPage();
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
    await form.getByLabel(/^Issue date/).fill('2026-11-27');
    await form.getByLabel(/^Author/).fill('James Madine');
    await form.getByLabel(/^Approver/).fill('Jo Sharpe');
    await form.getByLabel(/^Next review/).fill('2027-11-27');
    await form
      .getByLabel(/^What changed/)
      .fill('Annual review: termly filtering assurance and voice links added');
    await form.getByRole('button', { name: 'Record the issue' }).click();
    await expect
      .poll(() => admin.getByRole('heading', { name: 'EDE/POL/013, issue 003' }).isVisible())
      .toBe(true);
    await admin.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Home' }).click();
    await expect.poll(() => admin.getByRole('heading', { name: /^Welcome/ }).isVisible()).toBe(true);
    await expect.poll(() => reminder.count()).toBe(0);
  });
});
