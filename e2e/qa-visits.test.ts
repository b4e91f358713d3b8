import { appendix5 } from '@waymark/domain';
import { describe, expect, it } from 'vitest';
import { completeAuditAnswers } from '../apps/api/src/modules/demo/demo-providers.ts';
import { activePlacementVia, apiAs, approvedProviderVia } from './support/api.ts';
import { expectAccessible, signIn, skipReason, useBrowser } from './support/browser.ts';

describe.skipIf(skipReason)('a termly QA visit', () => {
  const browser = useBrowser();

  /** The AP lead, on a tablet, with a pupil placed at a newly approved provider. */
  async function placedWithProvider(
    name: string,
    pupil: { upn: string; legalFirstName: string; legalLastName: string },
  ) {
    const lead = await browser.newPage({ viewport: { width: 820, height: 1180 } });
    await signIn(lead, 'aplead@riverside.example');
    const head = await browser.newPage();
    await signIn(head, 'head@riverside.example');
    const leadApi = await apiAs(lead);
    const providerId = await approvedProviderVia(
      leadApi,
      await apiAs(head),
      name,
      completeAuditAnswers('yes'),
    );
    const { schools } = await (await lead.request.get('/api/organisation')).json();
    await activePlacementVia(leadApi, schools, providerId, pupil);
    return lead;
  }

  it('the AP lead records the Appendix 5 visit on a tablet, with an action, and downloads the report', async () => {
    const lead = await placedWithProvider('Meadow Farm Learning', {
      upn: 'N340212300006',
      legalFirstName: 'Theo',
      legalLastName: 'Marsh',
    });

    await lead.goto('/qa');
    const plan = lead.getByRole('region', { name: 'QA visits this term and last' });
    const row = plan.getByRole('row').filter({ hasText: 'Meadow Farm Learning' });
    await expect.poll(() => row.textContent()).toContain('Due this term');
    await expectAccessible(lead, 'the QA visit plan');
    await row.getByRole('button', { name: /Start today's visit/ }).click();
    await expect
      .poll(() => lead.getByRole('heading', { level: 1 }).textContent())
      .toBe('QA visit: Meadow Farm Learning');

    // Completing too early lists every line not yet judged.
    await lead.getByRole('button', { name: 'Complete the visit' }).click();
    await expect.poll(() => lead.getByText('26 lines are not judged yet.').isVisible()).toBe(true);

    await lead.getByLabel('Visited by').fill('Sam Whitlow (AP lead)');
    for (const area of appendix5.areas)
      for (const line of area.lines) {
        const judgement =
          line.id === 'attendance.2' ? 'Developing' : area.optional ? 'Not applicable' : 'Secure';
        await lead
          .getByRole('radiogroup', { name: `${area.title}: ${line.text}` })
          .getByLabel(judgement)
          .check();
      }
    await lead
      .getByRole('textbox', {
        name: 'Comments & notes: Attendance: First day response procedures for non-attendance',
      })
      .fill('Calls are made but not logged with times');
    await lead.getByLabel('Saw Theo Marsh').check();
    await lead.getByLabel('Welfare check: Theo Marsh').fill('Says he feels safe and likes the animals');
    await expectAccessible(lead, 'the Appendix 5 form during a visit');
    await lead.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => lead.getByText('Draft saved.').isVisible()).toBe(true);

    const action = lead.getByRole('form', { name: 'Agree an action' });
    await action.getByLabel(/^Action/).fill('Log the time of every first-day call');
    await action.getByLabel(/^Owner/).fill('Meadow Farm office manager');
    await action.getByLabel(/^Due by/).fill('2027-01-15');
    await action.getByRole('button', { name: 'Agree the action' }).click();
    await expect
      .poll(() => lead.getByText('Done: Log the time of every first-day call', { exact: false }).isVisible())
      .toBe(true);

    await lead.getByRole('button', { name: 'Complete the visit' }).click();
    await expect.poll(() => lead.getByText('Overall: Developing').isVisible()).toBe(true);
    await expect
      .poll(() => lead.getByText('Completed by Sam Whitlow', { exact: false }).isVisible())
      .toBe(true);

    const download = lead.waitForEvent('download');
    await lead.getByRole('link', { name: 'Download the report (PDF)' }).click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toMatch(/^qa-visit-\d{4}-\d{2}-\d{2}\.pdf$/);

    await lead.goto('/qa');
    await expect.poll(() => row.textContent()).toContain('Done');
  });

  it('keeps a draft on the device when the connection drops, says so at once, and clears it at sign-out', async () => {
    const lead = await placedWithProvider('Orchard Lane Studio', {
      upn: 'F340212300009',
      legalFirstName: 'Mia',
      legalLastName: 'Clarke',
    });
    await lead.goto('/qa');
    const row = lead
      .getByRole('region', { name: 'QA visits this term and last' })
      .getByRole('row')
      .filter({ hasText: 'Orchard Lane Studio' });
    // Wait for the visit to be created, so that a refused start fails here with its status.
    const started = lead.waitForResponse(
      (r) => r.url().endsWith('/api/qa/visits') && r.request().method() === 'POST',
    );
    await row.getByRole('button', { name: /Start today's visit/ }).click();
    expect((await started).status()).toBe(201);
    await expect
      .poll(() => lead.getByRole('heading', { level: 1 }).textContent())
      .toBe('QA visit: Orchard Lane Studio');

    await lead.context().setOffline(true);
    await lead.getByLabel('Visited by').fill('Sam Whitlow (AP lead)');
    await lead.getByLabel('Saw Mia Clarke').check();
    await lead.getByLabel('Welfare check: Mia Clarke').fill('Quiet today; says the journey is long');
    await lead.getByRole('button', { name: 'Save draft' }).click();
    // At once, not after a spinner that never ends.
    await expect
      .poll(() => lead.getByText('Saved on this device only').isVisible(), { timeout: 3000 })
      .toBe(true);
    const kept = () =>
      lead.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('waymark.qa-visit.')));
    expect((await kept()).length).toBeGreaterThan(0);

    // Away and back within the app, still offline: the visit opens with what was typed.
    await lead.getByRole('link', { name: 'QA visits' }).first().click();
    await lead.goBack();
    await expect
      .poll(() => lead.getByLabel('Welfare check: Mia Clarke').inputValue())
      .toBe('Quiet today; says the journey is long');

    // Signing out warns that the draft is unsent, and then leaves nothing of it on the device.
    const warned = new Promise<string>((resolve) =>
      lead.once('dialog', async (dialog) => {
        resolve(dialog.message());
        await dialog.accept();
      }),
    );
    await lead.getByRole('button', { name: 'Sign out' }).click();
    expect(await warned).toContain('has not reached Waymark yet');
    await expect.poll(kept).toEqual([]);
    await lead.context().setOffline(false);
  });
});
