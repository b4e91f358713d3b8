import {
  addDays,
  createSchoolCalendar,
  lastSchoolDays,
  shippedBankHolidays,
  todayInLondon,
} from '@waymark/domain';
import { describe, expect, it } from 'vitest';
import { demoTermDates } from '../apps/api/src/modules/demo/demo-trust.ts';
import { apiAs } from './support/api.ts';
import { expectAccessible, serverNow, signIn, skipReason, useBrowser } from './support/browser.ts';
import { riversideWithApprovedProvider } from './support/journeys.ts';

// The demo schools' calendar, to find school days in the past whatever day the tests run.
const calendar = createSchoolCalendar({
  halfTerms: demoTermDates.flatMap((y) => y.halfTerms),
  closureDays: demoTermDates.flatMap((y) => y.closureDays),
  bankHolidays: shippedBankHolidays,
});

describe.skipIf(skipReason)('early warnings', () => {
  const browser = useBrowser();

  it('an attendance officer sees attendance falling, acknowledges it with a note, and it clears', async () => {
    const yesterday = addDays(todayInLondon(serverNow()), -1);
    const [latest, before] = lastSchoolDays(calendar, yesterday, 2);
    const startsOn = lastSchoolDays(calendar, yesterday, 5).at(-1)!;

    const { head, leadApi, providerId, schools } = await riversideWithApprovedProvider(
      browser,
      'Northgate Works',
    );
    const pupil = await leadApi.post('/api/pupils', {
      schoolId: schools.find((s) => s.name === 'Riverside Academy')!.id,
      upn: 'V340212300012',
      legalFirstName: 'Casey',
      legalLastName: 'Morland',
      dateOfBirth: '2011-03-14',
      sex: 'F',
      senStatus: 'none',
      lookedAfter: false,
      parents: [],
    });
    const placement = await leadApi.post('/api/placements', {
      pupilId: pupil.id,
      providerId,
      type: 'commissioned_ap',
      reason: 'Hair and beauty course',
    });
    await leadApi.put(`/api/placements/${placement.id}/plan`, {
      version: placement.version,
      reason: 'Hair and beauty course',
      startsOn,
      plannedEndOn: addDays(startsOn, 90),
      agreement: {
        discussedOn: addDays(startsOn, -3),
        withWhom: 'Casey and her dad',
        how: 'Meeting',
        agreed: true,
      },
      objectives: [{ id: 'o1', text: 'Attend every day', timeline: 'This term', successCriteria: '95%' }],
      reintegrationTargets: [
        { id: 'r1', text: 'English at school', timeline: 'Next term', post16Link: 'College' },
      ],
      sessions: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).flatMap((day) =>
        (['am', 'pm'] as const).map((session) => ({ day, session, hours: 3 })),
      ),
    });
    await leadApi.post(`/api/placements/${placement.id}/send-referral`, {});
    await leadApi.post(`/api/placements/${placement.id}/start`, {});
    const admin = await browser.newPage();
    await signIn(admin, 'admin@northway.example');
    await (await apiAs(admin)).post('/api/users', {
      email: 'sam@northgate.example',
      displayName: 'Sam Lees',
      password: 'northgate works register',
      assignments: [{ role: 'provider_staff', scopeType: 'provider', scopeId: providerId }],
    });

    // The provider sends two days' registers: Casey absent, no reason given (N), four sessions.
    const provider = await browser.newPage();
    await signIn(provider, 'sam@northgate.example', 'northgate works register');
    const providerApi = await apiAs(provider);
    for (const date of [before!, latest!])
      for (const session of ['am', 'pm'])
        await providerApi.post('/api/portal/register', {
          date,
          session,
          marks: [{ placementId: placement.id, mark: 'absent', reason: 'unknown' }],
        });

    // And, on a phone, a progress report on Casey from the portal.
    await provider.setViewportSize({ width: 390, height: 844 });
    await provider.goto('/portal/placements');
    await provider
      .getByLabel("Casey Morland's learning and progress against their objectives")
      .fill('Settling into the salon; first two units started');
    await provider.getByLabel('Attendance and behaviour').fill('Absent the last two days, no reason given');
    await provider.getByLabel('Next steps').fill('Call home; keep the Friday placement');
    await expectAccessible(provider, 'the portal progress report form');
    await provider.getByRole('button', { name: 'Send progress report on Casey Morland' }).click();
    await expect
      .poll(() => provider.getByText('Settling into the salon', { exact: false }).isVisible())
      .toBe(true);

    const officer = await browser.newPage();
    await signIn(officer, 'attendance@riverside.example');
    await expect.poll(() => officer.getByRole('heading', { name: 'Early warnings' }).isVisible()).toBe(true);
    // Other journeys' placements have warnings too: the card opens on the first 25.
    const showAll = officer.getByRole('button', { name: /^Show all \d+ warnings$/ });
    if (await showAll.isVisible()) await showAll.click();
    const warning = officer.getByRole('article', { name: /Unexplained absences: Casey Morland/ });
    await expect.poll(() => warning.isVisible()).toBe(true);
    await expect
      .poll(() => warning.textContent())
      .toContain('4 unexplained absences (sessions coded N or O) in the last 10 school days.');
    await expect.poll(() => warning.getByText('Attendance falling').isVisible()).toBe(true);
    await expectAccessible(officer, 'the home page with early warnings');

    await warning.getByRole('button', { name: 'Acknowledge' }).click();
    await warning
      .getByLabel(/What is being done about it/)
      .fill('Rang dad: Casey has flu, back Monday with a note');
    await expectAccessible(officer, 'acknowledging an early warning');
    await warning.getByRole('button', { name: 'Acknowledge warning' }).click();
    await expect.poll(() => warning.isVisible()).toBe(false);
    await officer.getByText(/^Acknowledged \(\d+\)/).click();
    await expect
      .poll(() =>
        officer.getByText('Rang dad: Casey has flu, back Monday with a note', { exact: false }).isVisible(),
      )
      .toBe(true);

    // The placement shows the same, and the note is in the audit log for the headteacher.
    await head.goto(`/placements/${placement.id}`);
    await expect.poll(() => head.getByRole('heading', { name: 'Early warnings' }).isVisible()).toBe(true);
    await expect
      .poll(() =>
        head.getByText('Settling into the salon; first two units started', { exact: false }).isVisible(),
      )
      .toBe(true);
    await head.goto('/audit-log');
    await expect
      .poll(() =>
        head
          .getByText(/Acknowledged the early warning .*Casey has flu/)
          .first()
          .isVisible(),
      )
      .toBe(true);
  });

  it('an administrator sees the thresholds; a value out of range is refused and nothing changes', async () => {
    const admin = await browser.newPage();
    await signIn(admin, 'admin@northway.example');
    await admin.goto('/warnings/settings');
    await expect
      .poll(() => admin.getByRole('heading', { level: 1 }).textContent())
      .toBe('Early warning thresholds');
    const fall = admin.getByLabel(/^Fall in attendance \(percentage points\)/);
    await expect.poll(() => fall.inputValue()).toBe('15');
    await expectAccessible(admin, 'the early warning thresholds');
    await fall.fill('0');
    await admin.getByRole('button', { name: 'Save thresholds' }).click();
    await expect.poll(() => admin.getByText('Fall in attendance: at least 1').first().isVisible()).toBe(true);
    await admin.reload();
    await expect
      .poll(() => admin.getByLabel(/^Fall in attendance \(percentage points\)/).inputValue())
      .toBe('15');
  });
});
