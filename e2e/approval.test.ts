import { describe, expect, it } from 'vitest';
import { completeAuditAnswers } from '../apps/api/src/modules/demo/demo-providers.ts';
import { apiAs } from './support/api.ts';
import { choose, expectAccessible, signIn, skipReason, useBrowser } from './support/browser.ts';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe.skipIf(skipReason)('approving a provider', () => {
  const browser = useBrowser();

  it('the AP lead completes the checks and invites the provider, who signs the letter; the headteacher approves', async () => {
    const lead = await browser.newPage();
    await signIn(lead, 'aplead@riverside.example');
    const api = await apiAs(lead);
    const provider = await api.post('/api/providers', {
      name: 'Northgate Studio',
      settingType: 'unregistered',
      addressLine1: '5 Mill Lane',
      town: 'Liverpool',
      postcode: 'L1 1AA',
      telephone: '0151 000 5555',
      email: 'hello@northgate.example',
      keyContactName: 'Nia Grant',
      onLaFramework: true,
    });
    const audit = await api.post(`/api/providers/${provider.id}/audits`, {
      visitedAt: '2026-11-02T10:00:00Z',
      auditorName: 'Sam Whitlow',
    });
    await api.put(`/api/audits/${audit.id}`, { answers: completeAuditAnswers('yes') });
    await api.post(`/api/audits/${audit.id}/submit`, {});
    for (const [type, levelPounds] of [
      ['public_liability', 5_000_000],
      ['employers_liability', 10_000_000],
      ['professional_indemnity', 2_000_000],
    ] as const) {
      await api.post(`/api/providers/${provider.id}/insurance`, {
        type,
        insurer: 'Zurich Municipal',
        levelPounds,
        expiresOn: '2027-10-31',
      });
    }

    // The lead asks for the safeguarding letter and invites the provider's manager to the portal.
    await lead.goto(`/providers/${provider.id}`);
    await expect.poll(() => lead.getByText('None asked for yet.').isVisible()).toBe(true);
    await lead.getByRole('button', { name: 'Ask for the letter' }).click();
    await expect.poll(() => lead.getByText('Waiting for the provider').isVisible()).toBe(true);
    await lead.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => lead.getByText('Enter the person’s name').isVisible()).toBe(true);
    await lead.getByLabel(/^Their name/).fill('Nia Grant');
    await lead.getByLabel(/^Their work email/).fill('nia@northgate.example');
    await lead.getByRole('button', { name: 'Send invitation' }).click();
    const invited = lead.getByRole('row').filter({ hasText: 'nia@northgate.example' });
    await expect.poll(() => invited.textContent()).toContain('Invited');

    // No mail server in this run: the administrator reads the invitation in the outbox.
    const admin = await browser.newPage();
    await signIn(admin, 'admin@northway.example');
    await admin.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Outbox' }).click();
    await admin.getByRole('link', { name: 'Your Waymark account for Northgate Studio' }).click();
    const body = admin.locator('pre');
    await expect.poll(() => body.textContent()).toContain('Hello Nia Grant');
    await expectAccessible(admin, 'an email in the outbox');
    const link = (await body.textContent())?.match(/http:\/\/\S+\/invitation\/\S+/)?.[0];
    expect(link).toBeDefined();

    // Nia follows the link, chooses a password, and signs the letter in the portal.
    const nia = await browser.newPage();
    await nia.goto(link as string);
    await expect.poll(() => nia.getByRole('heading', { name: 'Welcome, Nia Grant' }).isVisible()).toBe(true);
    await expectAccessible(nia, 'the invitation page');
    await nia.getByLabel(/^New password(?! again)/).fill('a kettle on the windowsill');
    await nia.getByLabel(/^New password again/).fill('a kettle on the windowsill');
    await nia.getByRole('button', { name: 'Set password and sign in' }).click();
    const niaMenu = nia.getByRole('navigation', { name: 'Main menu' });
    await niaMenu.getByRole('link', { name: 'Safeguarding letters' }).click();
    await expect
      .poll(() => nia.getByRole('heading', { name: 'Letter to Riverside Academy' }).isVisible())
      .toBe(true);
    const checkboxes = nia.getByRole('checkbox');
    for (let i = 0; i < (await checkboxes.count()); i++) await checkboxes.nth(i).check();
    await nia.getByLabel(/^Your role or position/).fill('Director');
    await nia.getByLabel(/^Signature/).fill('Nia Grant');
    await nia.getByRole('button', { name: 'Sign and send the letter' }).click();
    await expect
      .poll(() => nia.getByRole('heading', { name: 'Signed: letter to Riverside Academy' }).isVisible())
      .toBe(true);
    // The link worked once: a second visit is refused.
    await nia.goto(link as string);
    await expect.poll(() => nia.getByText('This link cannot be used').isVisible()).toBe(true);

    // The SLA through the page, choosing the signed copy filed under evidence.
    await lead.reload();
    await expect.poll(() => invited.textContent()).toContain('Can sign in');
    await expect.poll(() => lead.getByText('No SLA recorded.').isVisible()).toBe(true);
    await choose(lead, lead.getByRole('combobox', { name: 'Kind of document' }), {
      name: 'Service level agreement',
    });
    await lead.getByLabel(/^Title/).fill('Signed SLA 2026/27');
    await lead
      .locator('input[type="file"]')
      .setInputFiles({ name: 'sla.pdf', mimeType: 'application/pdf', buffer: pdf });
    await lead.getByRole('button', { name: 'File document' }).click();
    await expect.poll(() => lead.getByRole('link', { name: 'Signed SLA 2026/27' }).isVisible()).toBe(true);
    for (const label of [
      'Safeguarding',
      'Data sharing',
      'How attendance is reported',
      'Complaints',
      'Escalation',
    ]) {
      await lead.getByRole('textbox', { name: label, exact: true }).fill(`Agreed: ${label.toLowerCase()}`);
    }
    await lead.getByLabel(/^Starts/).fill('2026-09-01');
    await lead.getByLabel(/^Ends/).fill('2027-07-22');
    await choose(lead, lead.getByRole('combobox', { name: 'Signed copy' }), {
      name: 'Signed SLA 2026/27 (version 1)',
    });
    await lead.getByRole('button', { name: 'Record SLA' }).click();
    await expect.poll(() => lead.getByText('Signed copy on file.', { exact: false }).isVisible()).toBe(true);
    await expect.poll(() => lead.getByRole('button', { name: 'Approve provider' }).count()).toBe(0);

    const head = await browser.newPage();
    await signIn(head, 'head@riverside.example');
    await head.goto(`/providers/${provider.id}`);
    await expect
      .poll(() => head.getByText('Every check is met: the provider is ready for your approval.').isVisible())
      .toBe(true);
    await expectAccessible(head, 'a provider ready for approval');
    await head.getByRole('button', { name: 'Approve provider' }).click();
    await expect.poll(() => head.getByText('Approved', { exact: true }).first().isVisible()).toBe(true);
    await head.goto('/providers');
    const row = head.getByRole('row').filter({ hasText: 'Northgate Studio' });
    await expect.poll(() => row.textContent()).toContain('Approved');
  });

  it('the provider signs the letter in the portal, each check confirmed; a later change of manager makes a new one due', async () => {
    const lead = await browser.newPage();
    await signIn(lead, 'aplead@riverside.example');
    await lead.goto('/providers');
    await lead.getByRole('link', { name: 'Bridges Learning Centre' }).click();
    await expect.poll(() => lead.getByText('None asked for yet.').isVisible()).toBe(true);
    await lead.getByRole('button', { name: 'Ask for the letter' }).click();
    await expect.poll(() => lead.getByText('Waiting for the provider').isVisible()).toBe(true);

    const provider = await browser.newPage();
    await signIn(provider, 'staff@bridges.example');
    const menu = provider.getByRole('navigation', { name: 'Main menu' });
    await expect
      .poll(() => menu.getByRole('link').allTextContents())
      .toEqual([
        'Home',
        'Register',
        'Pupils placed with you',
        'Report a concern',
        'Safeguarding letters',
        'Tell us about a change',
        'Your account',
      ]);
    await menu.getByRole('link', { name: 'Safeguarding letters' }).click();
    await expect
      .poll(() => provider.getByRole('heading', { name: 'Letter to Riverside Academy' }).isVisible())
      .toBe(true);
    await expect.poll(() => provider.getByText('Dear Helen Parkes,').isVisible()).toBe(true);
    await expectAccessible(provider, 'the provider portal letter form');

    const checkboxes = provider.getByRole('checkbox');
    await expect.poll(() => checkboxes.count()).toBe(13);
    for (let i = 0; i < 12; i++) await checkboxes.nth(i).check();
    await provider.getByLabel(/^Your role or position/).fill('Centre manager');
    await provider.getByLabel(/^Signature/).fill('Lena Morris');
    await provider.getByRole('button', { name: 'Sign and send the letter' }).click();
    await expect
      .poll(() => provider.getByText('Confirm this undertaking before signing').isVisible())
      .toBe(true);
    await checkboxes.nth(12).check();
    await provider.getByRole('button', { name: 'Sign and send the letter' }).click();
    await expect
      .poll(() => provider.getByRole('heading', { name: 'Signed: letter to Riverside Academy' }).isVisible())
      .toBe(true);

    await lead.reload();
    await expect.poll(() => lead.getByText(/^Signed \d{1,2} [A-Z][a-z]{2} \d{4}$/).isVisible()).toBe(true);
    const letterStep = lead
      .getByRole('listitem')
      .filter({ hasText: 'Safeguarding assurance letter (Appendix 2)' });
    await expect.poll(() => letterStep.textContent()).toContain('Done.');

    // The centre gets a new manager: the provider says so, and the school sees a new letter is due.
    await menu.getByRole('link', { name: 'Tell us about a change' }).click();
    await choose(provider, provider.getByRole('combobox', { name: 'What has changed' }), {
      name: 'A change of senior leadership',
    });
    await provider.getByLabel(/^From/).fill('2026-11-30');
    await provider.getByRole('button', { name: 'Tell the school' }).click();
    await expect
      .poll(() =>
        provider.getByText('Say what changed: who left, who took over, and their role').first().isVisible(),
      )
      .toBe(true);
    await provider.getByLabel(/^Details/).fill('Lena Morris has left; Tom Reed is now centre manager.');
    await provider.getByRole('button', { name: 'Tell the school' }).click();
    await expect
      .poll(() => provider.getByText('Lena Morris has left; Tom Reed is now centre manager.').isVisible())
      .toBe(true);
    await expectAccessible(provider, 'the portal page for telling the school about a change');
    await lead.reload();
    await expect.poll(() => letterStep.textContent()).toContain('A change of senior leadership was notified');
    await expect.poll(() => letterStep.textContent()).toContain('a new letter is due');
  });
});
