/**
 * An off-site direction's review (DOMAIN-REFERENCE.md, "Off-site direction"): the parents ask the
 * governing board in writing to review it; with no review in the 10 weeks before, one is owed and
 * reaches the headteacher's board; once the board has met and the headteacher records it, the duty goes.
 */
import { describe, expect, it } from 'vitest';
import { upnFor } from '../apps/api/src/test/pupil-builders.ts';
import { activePlacementVia } from './support/api.ts';
import { choose, expectAccessible, skipReason, useBrowser } from './support/browser.ts';
import { riversideWithApprovedProvider } from './support/journeys.ts';

describe.skipIf(skipReason)('reviewing an off-site direction', () => {
  const browser = useBrowser();

  it('records the parents’ request, puts the review on the headteacher’s board, and clears it once held', async () => {
    const { lead, head, leadApi, providerId, schools } = await riversideWithApprovedProvider(
      browser,
      'Marsh Lane Learning Centre',
    );
    // Notice on Wednesday 18 November: Thursday and Friday are the two clear days before Monday 23rd.
    const { placementId } = await activePlacementVia(
      leadApi,
      schools,
      providerId,
      { upn: upnFor(515_151), legalFirstName: 'Kai', legalLastName: 'Morgan' },
      { type: 'off_site_direction', plan: { maximumDays: 30, noticeGivenOn: '2026-11-18' } },
    );

    // The AP lead records the parents' letter, received on Friday 27 November.
    await lead.goto(`/placements/${placementId}`);
    const card = lead.getByRole('heading', { name: 'Reviews of the direction' });
    await expect.poll(() => card.isVisible()).toBe(true);
    await expect.poll(() => lead.getByText('No review asked for or held yet.').isVisible()).toBe(true);
    const form = lead.getByRole('form', { name: 'Record a request for a review, or a review held' });
    await form.getByRole('button', { name: 'Record the request' }).click();
    await expect
      .poll(() => form.getByText('Say who asked: the parents, or the local authority').isVisible())
      .toBe(true);
    await form.getByLabel('Received on').fill('2026-11-27');
    await choose(lead, form.getByRole('combobox', { name: 'Who asked' }), { name: 'The parents' });
    await form.getByLabel('What they asked (optional)').fill('Letter from Kai’s mother asking for a review');
    await form.getByRole('button', { name: 'Record the request' }).click();
    await expect.poll(() => lead.getByText('Review owed').isVisible()).toBe(true);
    await expectAccessible(lead, 'an off-site direction with a review owed');

    // The headteacher sees the review owed on the board.
    await head.goto('/');
    const owed = head.getByRole('link', {
      name: "Governing board review of Kai Morgan's off-site direction, asked for on 27 Nov 2026",
    });
    await expect.poll(() => owed.isVisible()).toBe(true);

    // The board meets; the headteacher records its review on a phone.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.context().addCookies(await head.context().cookies());
    await phone.goto(`/placements/${placementId}`);
    const phoneForm = phone.getByRole('form', { name: 'Record a request for a review, or a review held' });
    await phoneForm.getByText('A review held').click();
    await phoneForm.getByLabel('Held on').fill('2026-11-27');
    await choose(phone, phoneForm.getByRole('combobox', { name: 'What the board decided' }), {
      name: 'The direction continues as it is',
    });
    await phoneForm
      .getByLabel('What the board considered, and why it decided so')
      .fill('Attendance is 96% and the behaviour plan is working; reviewed again at Christmas');
    await phoneForm.getByRole('button', { name: 'Record the review' }).click();
    await expect.poll(() => phone.getByText('Reviewed on 27 Nov 2026').isVisible()).toBe(true);
    await expectAccessible(phone, 'an off-site direction reviewed, on a phone');

    await head.reload();
    await expect.poll(() => head.getByRole('heading', { name: 'What is due' }).isVisible()).toBe(true);
    await expect.poll(() => owed.count()).toBe(0);
  });
});
