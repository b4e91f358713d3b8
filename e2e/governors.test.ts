import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../apps/api/src/test/pdf-text.ts';
import { upnFor } from '../apps/api/src/test/pupil-builders.ts';
import { activePlacementVia } from './support/api.ts';
import { expectAccessible, signIn, skipReason, useBrowser } from './support/browser.ts';
import { riversideWithApprovedProvider } from './support/journeys.ts';

describe.skipIf(skipReason)('the headteacher’s oversight', () => {
  const browser = useBrowser();

  it('opens the board, follows a duty held by others, and makes the governors’ PDF', async () => {
    // A placement of this journey's own: its half-termly review is the AP lead's duty, not hers.
    const { head, leadApi, providerId, schools } = await riversideWithApprovedProvider(
      browser,
      'Oversight Learning',
    );
    await activePlacementVia(leadApi, schools, providerId, {
      upn: upnFor(737_373),
      legalFirstName: 'Robin',
      legalLastName: 'Oversby',
    });
    await head.goto('/');
    // Duties other roles hold are shown to her apart, not counted as hers: none is the headteacher's.
    const forOthers = head.getByRole('region', { name: 'For others' });
    await expect
      .poll(() => forOthers.textContent())
      .toContain('review of Robin Oversby at Oversight Learning');
    await expect.poll(() => forOthers.textContent()).toContain('· AP lead');
    expect(await forOthers.textContent()).not.toContain('· Headteacher');
    await expectAccessible(head, 'the headteacher’s board');
    const first = forOthers.getByRole('link', { name: /review of Robin Oversby/ }).first();
    const target = await first.getAttribute('href');
    await first.click();
    await expect.poll(() => new URL(head.url()).pathname).toBe(target);
    await expect.poll(() => head.getByRole('heading', { level: 1 }).isVisible()).toBe(true);

    await head
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: "Governors' report" })
      .click();
    const download = head.getByRole('link', { name: 'Download the PDF for governors' });
    await expect.poll(() => download.isVisible()).toBe(true);
    await expect
      .poll(() => head.getByRole('heading', { name: 'Use of alternative provision' }).isVisible())
      .toBe(true);
    await expectAccessible(head, 'the governors’ report');
    const file = head.waitForEvent('download');
    await download.click();
    const pdf = readFileSync((await (await file).path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const heading of [
      '1. Use of alternative provision',
      '3. Attendance',
      '4. Safeguarding (counts only)',
      '5. Progress against plans',
      '9. Costs against budget',
    ])
      expect(text).toContain(heading);
    expect(text).toContain('Riverside Academy · Autumn term 2026/27');
  });

  it('opens the governors’ report on the reader’s widest part of the trust, its budgets following it', async () => {
    const governor = await browser.newPage();
    await signIn(governor, 'governor@northway.example');
    await governor.goto('/reports/governors');
    await expect
      .poll(() => governor.getByRole('combobox', { name: 'For' }).inputValue())
      .toBe('The whole group: Northway Learning Trust');
    const director = await browser.newPage();
    await signIn(director, 'director.nw@northway.example');
    await director.goto('/reports/governors');
    await expect
      .poll(() => director.getByRole('combobox', { name: 'For' }).inputValue())
      .toBe('Region: North West');
    const budgets = director.getByRole('region', { name: 'AP budget by school' }).getByRole('row');
    await expect
      .poll(() => budgets.allTextContents())
      .toEqual([
        expect.stringContaining('School'),
        expect.stringContaining('Hillview School'),
        expect.stringContaining('Riverside Academy'),
      ]);
    await expectAccessible(director, 'the region’s governors’ report');
  });

  it("lets the group's administrator narrow the board to one school", async () => {
    const admin = await browser.newPage();
    await signIn(admin, 'admin@northway.example');
    const bySchool = admin.getByRole('region', { name: 'What is due by school' });
    await expect.poll(() => bySchool.isVisible()).toBe(true);
    const school = bySchool.getByRole('button').first();
    const name = (await school.textContent())!;
    await school.click();
    await expect.poll(() => admin.getByText(`Showing ${name} only.`).isVisible()).toBe(true);
    await expect.poll(() => school.getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(admin, 'the board narrowed to one school');
    await admin.getByRole('button', { name: 'Show every school' }).click();
    await expect.poll(() => admin.getByText(`Showing ${name} only.`).count()).toBe(0);
  });
});
