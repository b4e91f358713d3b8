import { describe, expect, it } from 'vitest';
import { completeAuditAnswers } from '../apps/api/src/modules/demo/demo-providers.ts';
import { activePlacementVia, apiAs, approvedProviderVia } from './support/api.ts';
import { expectAccessible, signIn, skipReason, useBrowser } from './support/browser.ts';

describe.skipIf(skipReason)('pupil voice', () => {
  const browser = useBrowser();

  it('the AP lead prints a one-time link; the pupil answers on a phone with read-aloud, once', async () => {
    const lead = await browser.newPage();
    await signIn(lead, 'aplead@riverside.example');
    const head = await browser.newPage();
    await signIn(head, 'head@riverside.example');
    const leadApi = await apiAs(lead);
    const providerId = await approvedProviderVia(
      leadApi,
      await apiAs(head),
      'Riverbank Studio',
      completeAuditAnswers('yes'),
    );
    const { schools } = await (await lead.request.get('/api/organisation')).json();
    const { placementId } = await activePlacementVia(leadApi, schools, providerId, {
      upn: 'C340212300007',
      legalFirstName: 'Ruby',
      legalLastName: 'Cole',
    });

    await lead.goto(`/placements/${placementId}`);
    const requests = lead.getByRole('region', { name: 'Voice requests' });
    const pupilRow = requests.getByRole('row').filter({ hasText: 'Pupil' });
    await expect.poll(() => pupilRow.textContent()).toContain('Not sent');
    await pupilRow.getByRole('button', { name: "Get the pupil's link to print" }).click();
    const link = pupilRow.getByRole('link', { name: /\/voice\// });
    await expect.poll(() => link.isVisible()).toBe(true);
    await expect.poll(() => pupilRow.getByRole('img', { name: /QR code/ }).isVisible()).toBe(true);
    await expectAccessible(lead, 'the placement page with a voice link');
    const url = new URL((await link.getAttribute('href'))!);

    // The pupil, on a phone, with no account.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(url.pathname);
    await expect.poll(() => phone.getByText('Hello Ruby.', { exact: false }).isVisible()).toBe(true);
    const readAloud = phone.getByRole('button', { name: 'Read it to me: question 1' });
    await readAloud.click();
    await expect.poll(() => readAloud.getAttribute('aria-pressed')).toBe('true');
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await expect
      .poll(() => phone.getByText('Choose a face for this question').first().isVisible())
      .toBe(true);
    for (const [question, face] of [
      ['1. How do you feel about coming here?', 'Good'],
      ['2. Do you feel safe here?', 'Very good'],
      ['3. Are you learning new things?', 'OK'],
      ['4. Do the adults here help you?', 'Good'],
    ])
      await phone
        .getByRole('radiogroup', { name: question })
        .getByRole('radio', { name: face, exact: true })
        .click();
    await phone.getByRole('textbox', { name: '5. What would make it better?' }).fill('More painting');
    await phone.getByLabel('A member of staff helped me fill this in').check();
    await expectAccessible(phone, 'the pupil voice form on a phone');
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await expect.poll(() => phone.getByRole('heading', { name: 'Thank you' }).isVisible()).toBe(true);

    // The link worked once.
    await phone.reload();
    await expect
      .poll(() => phone.getByText('already been answered', { exact: false }).isVisible())
      .toBe(true);

    await lead.reload();
    await expect.poll(() => pupilRow.textContent()).toContain('Do you feel safe here? Very good');
  });
});
