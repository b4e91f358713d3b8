import { describe, expect, it } from 'vitest';
import { completeAuditAnswers } from '../apps/api/src/modules/demo/demo-providers.ts';
import { apiAs, approvedProviderVia } from './support/api.ts';
import { choose, expectAccessible, signIn, skipReason, useBrowser } from './support/browser.ts';

// A school day in the past whatever day the tests run: Friday 27 November 2026, Autumn 2.
const day = '2026-11-27';

describe.skipIf(skipReason)('daily attendance', () => {
  const browser = useBrowser();

  it('a provider marks the register on a phone; the attendance officer calls about the absence and closes it', async () => {
    const lead = await browser.newPage();
    await signIn(lead, 'aplead@riverside.example');
    const head = await browser.newPage();
    await signIn(head, 'head@riverside.example');
    const leadApi = await apiAs(lead);
    const providerId = await approvedProviderVia(
      leadApi,
      await apiAs(head),
      'Dockside Skills',
      completeAuditAnswers('yes'),
    );
    const { schools } = await (await lead.request.get('/api/organisation')).json();
    const pupil = await leadApi.post('/api/pupils', {
      schoolId: schools.find((s: { name: string }) => s.name === 'Riverside Academy').id,
      upn: 'W340212300003',
      legalFirstName: 'Ellis',
      legalLastName: 'Young',
      dateOfBirth: '2012-06-01',
      sex: 'M',
      senStatus: 'none',
      lookedAfter: false,
      parents: [
        {
          name: 'Jade Young',
          relationship: 'Mother',
          telephone: '07700 900777',
          parentalResponsibility: true,
        },
      ],
    });
    const placement = await leadApi.post('/api/placements', {
      pupilId: pupil.id,
      providerId,
      type: 'commissioned_ap',
      reason: 'Construction skills course',
    });
    await leadApi.put(`/api/placements/${placement.id}/plan`, {
      version: placement.version,
      reason: 'Construction skills course',
      startsOn: '2026-11-23',
      plannedEndOn: '2027-02-12',
      agreement: {
        discussedOn: '2026-11-18',
        withWhom: 'Ellis and his mother',
        how: 'Meeting',
        agreed: true,
      },
      objectives: [{ id: 'o1', text: 'Attend every session', timeline: 'Autumn 2', successCriteria: '95%' }],
      reintegrationTargets: [
        { id: 'r1', text: 'Back for maths', timeline: 'Spring', post16Link: 'College course' },
      ],
      sessions: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => ({
        day: d,
        session: 'am',
        hours: 3,
      })),
    });
    await leadApi.post(`/api/placements/${placement.id}/send-referral`, {});
    await leadApi.post(`/api/placements/${placement.id}/start`, {});
    const admin = await browser.newPage();
    await signIn(admin, 'admin@northway.example');
    await (await apiAs(admin)).post('/api/users', {
      email: 'kit@dockside.example',
      displayName: 'Kit Barnes',
      password: 'dockside skills register',
      assignments: [{ role: 'provider_staff', scopeType: 'provider', scopeId: providerId }],
    });

    // The provider, on a phone.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(phone, 'kit@dockside.example', 'dockside skills register');
    await phone.goto('/portal/register');
    await phone.getByLabel('Date').fill(day);
    await expect.poll(() => phone.getByText('Ellis Young', { exact: true }).isVisible()).toBe(true);
    await phone.getByRole('radiogroup', { name: 'Ellis Young: morning' }).getByText('Absent').click();
    await expect
      .poll(() => phone.getByRole('combobox', { name: 'Reason Ellis Young is absent' }).isVisible())
      .toBe(true);
    await expectAccessible(phone, 'the provider register on a phone');
    await phone.getByRole('button', { name: 'Send morning register' }).click();
    await expect.poll(() => phone.getByText('Sent', { exact: false }).first().isVisible()).toBe(true);

    // The day after is a Saturday: the register says why nobody is expected and steps on to Monday.
    await phone.getByLabel('Date').fill('2026-11-28');
    await expect.poll(() => phone.getByText('Sat 28 Nov 2026 is a weekend.').isVisible()).toBe(true);
    await expect
      .poll(() =>
        phone.getByText('Pupils are next expected on Mon 30 Nov 2026.', { exact: false }).isVisible(),
      )
      .toBe(true);
    await expectAccessible(phone, 'the provider register on a day with nobody expected');
    await phone.getByRole('button', { name: 'Open that register' }).click();
    await expect.poll(() => phone.getByLabel('Date').inputValue()).toBe('30/11/2026');
    await phone.getByRole('button', { name: '← Previous day with pupils' }).click();
    await expect.poll(() => phone.getByLabel('Date').inputValue()).toBe('27/11/2026');
    await expect.poll(() => phone.getByText('Ellis Young', { exact: true }).isVisible()).toBe(true);
    // Home says what to do today rather than repeating the menu.
    await phone.goto('/');
    await expect.poll(() => phone.getByRole('region', { name: /^Registers today, / }).isVisible()).toBe(true);
    await expect.poll(() => phone.getByRole('region', { name: 'Waiting for you' }).isVisible()).toBe(true);
    await expectAccessible(phone, 'the provider’s home on a phone');

    // The attendance officer.
    const officer = await browser.newPage();
    await signIn(officer, 'attendance@riverside.example');
    await officer
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Attendance' })
      .click();
    await officer.getByLabel('Date').fill(day);
    const call = officer.getByRole('heading', { name: `Ellis Young, absent 27 Nov 2026, reason not known` });
    await expect.poll(() => call.isVisible()).toBe(true);
    await expectAccessible(officer, 'the attendance board with a first-day call');
    // Other journeys may leave calls of their own on this day: work within Ellis's.
    const ellis = officer.getByRole('article', { name: `First-day call: Ellis Young, 27 Nov 2026` });
    await ellis.getByLabel('Who was called').fill('Jade Young (mother)');
    await ellis.getByLabel('Number').fill('07700 900777');
    await ellis.getByLabel(/^Outcome/).fill('Mother says Ellis has a migraine; spoke to Ellis');
    await ellis.getByLabel('Safe and well').check();
    await ellis.getByRole('button', { name: 'Log', exact: true }).click();
    await expect.poll(() => ellis.getByText('(safe and well)', { exact: false }).isVisible()).toBe(true);
    await choose(officer, ellis.getByRole('combobox', { name: 'Reason found' }), { name: 'Illness' });
    await ellis.getByLabel('How it was found').fill('Call to mother');
    await ellis.getByRole('button', { name: 'Close call' }).click();
    await expect.poll(() => ellis.isVisible()).toBe(false);
    const row = officer
      .getByRole('region', { name: 'Pupils expected at providers' })
      .getByRole('row')
      .filter({ hasText: 'Ellis Young' });
    await expect.poll(() => row.textContent()).toContain('AM: I');
    // No attendance yet against a 90% target: an intervention is open for the school to plan.
    await expect
      .poll(() =>
        officer
          .getByText('Ellis Young at Dockside Skills: 0% against a 90% target', { exact: false })
          .isVisible(),
      )
      .toBe(true);
    const rates = officer.getByRole('region', { name: 'Attendance by placement' });
    await expect.poll(() => rates.textContent()).toContain('Below target');
    const trend = officer.getByRole('region', { name: 'Dockside Skills: attendance by week' });
    await expect.poll(() => trend.textContent()).toContain('Mon 23 Nov 2026');
    await expectAccessible(officer, 'the attendance board with rates and an intervention');

    // The pupil's month, with the day's code now I (illness).
    await officer.goto(`/pupils/${pupil.id}`);
    const heading = officer.getByRole('heading', { name: /^Attendance, / });
    await expect.poll(() => heading.isVisible()).toBe(true);
    for (let i = 0; i < 24 && !(await heading.textContent())?.includes('November 2026'); i++)
      await officer.getByRole('button', { name: 'Previous month' }).click();
    const friday = officer
      .getByRole('region', { name: 'Register codes for November 2026' })
      .getByRole('row', { name: /Fri 27/ });
    await expect.poll(() => friday.textContent()).toContain('I');
    await expectAccessible(officer, 'a pupil’s attendance month');
  });
});
