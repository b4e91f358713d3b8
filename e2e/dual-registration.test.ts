/**
 * A pupil placed at a pupil referral unit is dual registered: whatever the unit's register says, the
 * home school's register shows D for the sessions there (DOMAIN-REFERENCE.md, "Attendance register").
 * Through the pages: the placement says so, the unit marks the pupil present on a phone, and the
 * attendance officer's board, the pupil's month and the register export all show D.
 */
import { describe, expect, it } from 'vitest';
import { upnFor } from '../apps/api/src/test/pupil-builders.ts';
import { activePlacementVia, apiAs } from './support/api.ts';
import { expectAccessible, signIn, skipReason, useBrowser } from './support/browser.ts';
import { riversideWithApprovedProvider } from './support/journeys.ts';

// Thursday 26 November 2026, Autumn 2: a school day before the journeys' Sunday, in the placement.
const day = '2026-11-26';
const upn = upnFor(424_242);

describe.skipIf(skipReason)('dual registration at a pupil referral unit', () => {
  const browser = useBrowser();

  it('shows D for a pupil at the PRU on the placement, the board, the pupil’s month and the export', async () => {
    const { lead, leadApi, providerId, schools } = await riversideWithApprovedProvider(
      browser,
      'Westbank Pupil Referral Unit',
      { settingType: 'pru_or_ap_academy', dfeNumber: '340/1101' },
    );
    const { pupilId, placementId } = await activePlacementVia(leadApi, schools, providerId, {
      upn,
      legalFirstName: 'Dana',
      legalLastName: 'Price',
    });

    // The AP lead sees the placement as dual registration.
    await lead.goto(`/placements/${placementId}`);
    await expect.poll(() => lead.getByText('Dual registration (code D)').isVisible()).toBe(true);
    await expectAccessible(lead, 'a placement at a PRU');

    // The unit's staff mark Thursday's register on a phone: present.
    const admin = await browser.newPage();
    await signIn(admin, 'admin@northway.example');
    await (await apiAs(admin)).post('/api/users', {
      email: 'reg@westbank.example',
      displayName: 'Reg Owen',
      password: 'westbank referral unit',
      assignments: [{ role: 'provider_staff', scopeType: 'provider', scopeId: providerId }],
    });
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(phone, 'reg@westbank.example', 'westbank referral unit');
    await phone.goto('/portal/register');
    await phone.getByLabel('Date').fill(day);
    const dana = phone.getByRole('radiogroup', { name: 'Dana Price: morning' });
    await expect.poll(() => dana.isVisible()).toBe(true);
    await dana.getByText('Present').click();
    await phone.getByRole('button', { name: 'Send morning register' }).click();
    // A past day's register is marked "Sent late".
    await expect
      .poll(() =>
        phone
          .getByText(/^Sent( late)?$/)
          .first()
          .isVisible(),
      )
      .toBe(true);

    // The attendance officer: D on the board, not B.
    const officer = await browser.newPage();
    await signIn(officer, 'attendance@riverside.example');
    await officer.goto('/attendance');
    await officer.getByLabel('Date').fill(day);
    const row = officer
      .getByRole('region', { name: 'Pupils expected at providers' })
      .getByRole('row')
      .filter({ hasText: 'Dana Price' });
    await expect.poll(() => row.textContent()).toContain('AM: D');
    await expectAccessible(officer, 'the attendance board with a dual-registered pupil');

    // The register export the school loads into its MIS.
    const exported = await officer.request.get(`/api/attendance/export?from=${day}&to=${day}`);
    expect(exported.ok()).toBe(true);
    const lines = (await exported.text()).split('\r\n');
    expect(lines).toContain(`${upn},${day},AM,D`);
    expect(lines.some((line) => line.startsWith(`${upn},${day},AM,B`))).toBe(false);

    // The pupil's month.
    await officer.goto(`/pupils/${pupilId}`);
    const heading = officer.getByRole('heading', { name: /^Attendance, / });
    await expect.poll(() => heading.isVisible()).toBe(true);
    for (let i = 0; i < 24 && !(await heading.textContent())?.includes('November 2026'); i++)
      await officer.getByRole('button', { name: 'Previous month' }).click();
    const thursday = officer
      .getByRole('region', { name: 'Register codes for November 2026' })
      .getByRole('row', { name: /Thu 26/ });
    await expect.poll(() => thursday.textContent()).toContain('D');
    // Days that are not school days say what they are, rather than sit blank like a missed register.
    const month = officer.getByRole('region', { name: 'Register codes for November 2026' });
    await expect.poll(() => month.getByRole('row', { name: /Sat 28/ }).textContent()).toContain('Weekend');
    await officer.getByRole('button', { name: 'Next month' }).click();
    const december = officer.getByRole('region', { name: 'Register codes for December 2026' });
    await expect
      .poll(() => december.getByRole('row', { name: /Fri 25/ }).textContent())
      .toContain('Bank holiday: Christmas Day');
    await expectAccessible(officer, 'the pupil’s month with its holidays');
  });
});
