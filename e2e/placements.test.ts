import { describe, expect, it } from 'vitest';
import { completeAuditAnswers } from '../apps/api/src/modules/demo/demo-providers.ts';
import { apiAs, approvedProviderVia } from './support/api.ts';
import { choose, expectAccessible, signIn, skipReason, useBrowser } from './support/browser.ts';

describe.skipIf(skipReason)('a placement from referral to destination', () => {
  const browser = useBrowser();

  it('the AP lead adds a pupil, refers, plans, starts, reviews and ends a placement, then records the destination', async () => {
    const lead = await browser.newPage();
    await signIn(lead, 'aplead@riverside.example');
    const head = await browser.newPage();
    await signIn(head, 'head@riverside.example');
    const providerId = await approvedProviderVia(
      await apiAs(lead),
      await apiAs(head),
      'Canal Street Studio',
      completeAuditAnswers('yes'),
    );

    // The pupil, with a mistyped UPN first.
    await lead.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Pupils' }).click();
    // A search that finds nobody says so, rather than showing headings over nothing.
    await lead.getByLabel('Search').fill('Nobody Here');
    await expect.poll(() => lead.getByText('No pupil matches that name or UPN.').isVisible()).toBe(true);
    await lead.getByLabel('Search').fill('');
    await lead.getByRole('link', { name: 'Add a pupil' }).click();
    await lead.getByLabel(/^UPN/).fill('A201100018042');
    await lead.getByLabel(/^Legal first name/).fill('Kai');
    await lead.getByLabel(/^Legal last name/).fill('Morgan');
    await lead.getByLabel(/^Date of birth/).fill('2011-05-02');
    await choose(lead, lead.getByRole('combobox', { name: 'Sex' }), { name: 'M', exact: true });
    await lead.getByRole('button', { name: 'Add pupil' }).click();
    await expect
      .poll(() =>
        lead.getByText('The check letter does not match: for these digits it would be R').first().isVisible(),
      )
      .toBe(true);
    await expectAccessible(lead, 'the pupil form with an error');
    await lead.getByLabel(/^UPN/).fill('R201100018042');
    await lead.getByRole('button', { name: 'Add pupil' }).click();
    await expect.poll(() => lead.getByRole('heading', { level: 1 }).textContent()).toBe('Kai Morgan');

    // The referral.
    await choose(lead, lead.getByRole('combobox', { name: 'Provider' }), {
      name: 'Canal Street Studio',
      exact: true,
    });
    await choose(lead, lead.getByRole('combobox', { name: 'Kind of placement' }), {
      name: 'Commissioned alternative provision',
    });
    await lead.getByLabel(/^Reason for the placement/).fill('Needs a small setting and a vocational course');
    await lead.getByRole('button', { name: 'Start referral' }).click();
    await expect
      .poll(() => lead.getByRole('heading', { name: 'Before it can start' }).isVisible())
      .toBe(true);
    await expect
      .poll(() => lead.getByText('Choose at least one session at the provider in the timetable').isVisible())
      .toBe(true);
    await expectAccessible(lead, 'a referral');

    // The plan: agreement, objective, reintegration target, timetable.
    await lead.getByLabel(/^Start$/).fill('2026-11-23');
    await lead.getByLabel(/^Planned end/).fill('2027-02-12');
    await lead.getByLabel(/^Date discussed/).fill('2026-11-18');
    await lead.getByLabel(/^Who took part/).fill('Kai and his father');
    await lead.getByLabel(/^How it was discussed/).fill('Meeting at school');
    await lead.getByLabel('The pupil and parents agree to the placement').check();
    await lead.getByRole('button', { name: 'Add an objective' }).click();
    await lead.getByLabel(/^Objective 1/).fill('Attend every session');
    await lead.getByLabel(/^By when/).fill('By Christmas');
    await lead.getByLabel(/^Success looks like/).fill('95% attendance');
    await lead.getByRole('button', { name: 'Add a reintegration target' }).click();
    await lead.getByLabel(/^Target 1/).fill('English and maths back at school two mornings a week');
    await lead.getByLabel(/^Timeline/).fill('From February');
    await lead.getByLabel(/^Link to the post-16 plan/).fill('College course needs English and maths');
    await lead.getByRole('checkbox', { name: 'Monday morning' }).check();
    await lead.getByRole('checkbox', { name: 'Tuesday morning' }).check();
    await lead.getByRole('button', { name: 'Save plan' }).click();
    // The provider sees nothing of the referral until the AP lead sends it.
    await expect
      .poll(() => lead.getByText(/sees nothing of this referral until you send it/).isVisible())
      .toBe(true);
    await lead.getByRole('button', { name: 'Send the referral' }).click();
    await expect
      .poll(() => lead.getByText('Everything is in place: the placement can start.').isVisible())
      .toBe(true);
    await lead.getByRole('button', { name: 'Start placement' }).click();
    await expect.poll(() => lead.getByText('Active', { exact: true }).first().isVisible()).toBe(true);
    await expectAccessible(lead, 'an active placement');

    // What the school shares with the provider, who sees it (and only it) in the portal.
    await lead.getByLabel(/^What was shared/).fill('Pupil profile and triggers');
    await lead.getByLabel(/^How it was shared/).fill('Secure email');
    await lead.getByLabel(/^Shared on/).fill('2026-11-20');
    await lead.getByRole('button', { name: 'Record sharing' }).click();
    await expect
      .poll(() => lead.getByText('20 Nov 2026: Pupil profile and triggers', { exact: false }).isVisible())
      .toBe(true);
    await choose(lead, lead.getByRole('combobox', { name: 'Kind of contact' }), { name: 'Call' });
    await lead.getByLabel(/^When/).fill('2026-11-24');
    await lead.getByLabel(/^With whom/).fill('Ola Price, Canal Street Studio');
    await lead.getByLabel(/^What was said or agreed/).fill('First day went well; Kai arrived on time');
    await lead.getByRole('button', { name: 'Record contact' }).click();
    await expect
      .poll(() =>
        lead.getByText('24 Nov 2026, Call with Ola Price, Canal Street Studio', { exact: false }).isVisible(),
      )
      .toBe(true);
    const admin = await browser.newPage();
    await signIn(admin, 'admin@northway.example');
    await (await apiAs(admin)).post('/api/users', {
      email: 'ola@canal.example',
      displayName: 'Ola Price',
      password: 'canal street studio 2026',
      assignments: [{ role: 'provider_staff', scopeType: 'provider', scopeId: providerId }],
    });
    const provider = await browser.newPage();
    await signIn(provider, 'ola@canal.example', 'canal street studio 2026');
    await provider
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Pupils placed with you' })
      .click();
    await expect
      .poll(() => provider.getByRole('heading', { name: /^Kai Morgan, Year/ }).isVisible())
      .toBe(true);
    await expect
      .poll(() => provider.getByText('20 Nov 2026: Pupil profile and triggers').isVisible())
      .toBe(true);
    await expectAccessible(provider, 'the portal list of placed pupils');

    // The first half-termly review.
    await lead.getByLabel(/^Date held/).fill('2026-11-26');
    await lead.getByLabel(/^Attendance for the period/).fill('96');
    await lead.getByLabel(/^Progress: Objective 1/).fill('Attended all but one session');
    await lead.getByLabel(/^Progress: Reintegration target 1/).fill('Maths mornings begin in January');
    await lead.getByLabel(/^Behaviour/).fill('Settled; no incidents');
    await lead.getByLabel(/^The pupil’s view/).fill('Likes the workshop');
    await lead.getByLabel(/^The parent’s or carer’s view/).fill('Pleased with progress');
    await choose(lead, lead.getByRole('combobox', { name: 'Decision' }), { name: 'Continue' });
    await lead.getByRole('button', { name: 'Record review' }).click();
    await expect.poll(() => lead.getByText('Attendance 96%.', { exact: false }).isVisible()).toBe(true);

    // Ending, then the destination.
    await lead.getByLabel(/^Last day/).fill('2026-11-27');
    await choose(lead, lead.getByRole('combobox', { name: 'Outcome' }), { name: 'Transition to post-16' });
    await lead.getByLabel(/^Why it ended/).fill('Plan complete; starting college');
    await lead.getByRole('button', { name: 'End placement' }).click();
    await expect.poll(() => lead.getByText('Ended', { exact: true }).first().isVisible()).toBe(true);
    await lead.getByLabel(/^Where they went/).fill('Level 1 motor vehicle, Riverside College');
    await choose(lead, lead.getByRole('combobox', { name: 'October 2026' }), { name: 'Education' });
    await lead.getByRole('button', { name: 'Record destination' }).click();
    await expect.poll(() => lead.getByText(/Not known yet/).isVisible()).toBe(true);
    const timeline = lead.getByRole('heading', { name: 'Timeline' }).locator('..');
    await expect.poll(() => timeline.textContent()).toContain('Ended the placement on 27 Nov 2026');
    await expectAccessible(lead, 'an ended placement with its destination');
  });
});
