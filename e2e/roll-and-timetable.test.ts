import { describe, expect, it } from 'vitest';
import { upnFor } from '../apps/api/src/test/pupil-builders.ts';
import { activePlacementVia } from './support/api.ts';
import { choose, expectAccessible, skipReason, useBrowser } from './support/browser.ts';
import { riversideWithApprovedProvider } from './support/journeys.ts';

describe.skipIf(skipReason)('a reduced timetable, and leaving the roll', () => {
  const browser = useBrowser();

  it('the AP lead agrees two afternoons a week at home, then records the pupil leaving after a managed move', async () => {
    const { lead, leadApi, providerId, schools } = await riversideWithApprovedProvider(
      browser,
      'Millbrook Workshop',
    );
    const { pupilId, placementId } = await activePlacementVia(leadApi, schools, providerId, {
      upn: upnFor(646_464),
      legalFirstName: 'Ellis',
      legalLastName: 'Rowan',
    });
    await lead.goto(`/placements/${placementId}`);
    const reduced = lead.getByRole('form', { name: 'Reduced timetable' });
    await expect.poll(() => reduced.isVisible()).toBe(true);
    // The provider's own session (Thursday morning) is not offered.
    await reduced.getByRole('combobox', { name: /^Sessions expected neither/ }).click();
    expect(await lead.getByRole('option', { name: 'Thursday morning' }).count()).toBe(0);
    await lead.getByRole('option', { name: 'Wednesday afternoon' }).click();
    await lead.getByRole('option', { name: 'Friday afternoon' }).click();
    await lead.keyboard.press('Escape');
    await reduced.getByLabel(/^Agreed with the parents on/).fill('2026-11-20');
    await reduced.getByLabel(/^Ends on/).fill('2026-11-19');
    await reduced.getByLabel(/^Why, and how/).fill('Anxiety about full days; building back up');
    await reduced.getByRole('button', { name: 'Save reduced timetable' }).click();
    // An end before the agreement is refused beside the field.
    await expect
      .poll(() => reduced.getByText('The reduced timetable ends before it was agreed').isVisible())
      .toBe(true);
    await reduced.getByLabel(/^Ends on/).fill('2027-01-29');
    await reduced.getByRole('button', { name: 'Save reduced timetable' }).click();
    await expect
      .poll(() =>
        lead
          .getByText(
            'Expected nowhere on Wednesday afternoon, Friday afternoon (coded C2), agreed with the parents on 20 Nov 2026; ends 29 Jan 2027, review not set.',
          )
          .isVisible(),
      )
      .toBe(true);
    await expectAccessible(lead, 'a placement with a reduced timetable');
    // With no review date it is the AP lead's duty on Home.
    await lead.goto('/');
    await expect
      .poll(() =>
        lead
          .getByText(/Ellis Rowan at Millbrook Workshop: the reduced timetable has no review date/)
          .isVisible(),
      )
      .toBe(true);

    await lead.goto(`/pupils/${pupilId}`);
    const leaving = lead.getByRole('form', { name: 'Leaving the school roll' });
    await leaving.getByLabel(/^Left on/).fill('2026-11-27');
    await choose(lead, leaving.getByRole('combobox', { name: /^Why they left/ }), {
      name: 'Managed move completed: on roll at the new school',
    });
    await leaving.getByLabel(/^Note/).fill('On roll at Hillview from Monday');
    await leaving.getByRole('button', { name: 'Take off the roll' }).click();
    await expect
      .poll(() =>
        lead
          .getByText(
            'On 27 Nov 2026: Managed move completed: on roll at the new school. On roll at Hillview from Monday',
          )
          .isVisible(),
      )
      .toBe(true);
    await expectAccessible(lead, 'a pupil who has left the roll');
    await lead.goto(`/placements/${placementId}`);
    await expect.poll(() => lead.getByText('Ended', { exact: true }).first().isVisible()).toBe(true);
    await expect
      .poll(() =>
        lead
          .getByText(/Left the school roll on 27 Nov 2026/)
          .first()
          .isVisible(),
      )
      .toBe(true);
  });
});

describe.skipIf(skipReason)('the registration test before a start', () => {
  const browser = useBrowser();

  it('refuses to start a full-time placement that would make the provider need registration, with the counts', async () => {
    const { lead, leadApi, providerId, schools } = await riversideWithApprovedProvider(
      browser,
      'Quayside Skills',
    );
    const pupil = await leadApi.post('/api/pupils', {
      schoolId: schools.find((s) => s.name === 'Riverside Academy')!.id,
      upn: upnFor(828_282),
      legalFirstName: 'Noor',
      legalLastName: 'Ahmed',
      dateOfBirth: '2011-03-14',
      sex: 'F',
      senStatus: 'ehcp',
      ehcpLocalAuthority: 'Riverside Council',
      lookedAfter: false,
      parents: [],
    });
    const referral = await leadApi.post('/api/placements', {
      pupilId: pupil.id,
      providerId,
      type: 'commissioned_ap',
      reason: 'Full-time course',
    });
    // Four and a half hours on four mornings: 18 hours a week, full time, for a pupil with an EHCP.
    await leadApi.put(`/api/placements/${referral.id}/plan`, {
      version: referral.version,
      reason: 'Full-time course',
      startsOn: '2026-11-30',
      plannedEndOn: '2027-02-12',
      agreement: { discussedOn: '2026-11-25', withWhom: 'Noor and her mother', how: 'Meeting', agreed: true },
      objectives: [{ id: 'o1', text: 'Level 1 course', timeline: 'Spring', successCriteria: 'Units 1-3' }],
      reintegrationTargets: [
        { id: 'r1', text: 'English at school', timeline: 'Summer', post16Link: 'College' },
      ],
      sessions: (['mon', 'tue', 'wed', 'thu'] as const).map((day) => ({ day, session: 'am', hours: 4.5 })),
    });
    await leadApi.post(`/api/placements/${referral.id}/send-referral`, {});
    await lead.goto(`/placements/${referral.id}`);
    await expect
      .poll(() =>
        lead
          .getByText(
            /would have to be registered as an independent school, and it is not \(1 full-time pupil of compulsory school age, 1 looked after or with an EHCP, counting this one\)/,
          )
          .isVisible(),
      )
      .toBe(true);
    expect(await lead.getByRole('button', { name: 'Start placement' }).isDisabled()).toBe(true);
    await expectAccessible(lead, 'a referral the registration test refuses');
  });

  it('the AP lead adds a morning to a running placement from Monday, and the past keeps its timetable', async () => {
    const { lead, leadApi, providerId, schools } = await riversideWithApprovedProvider(
      browser,
      'Ashgrove Bike Works',
    );
    const { placementId } = await activePlacementVia(leadApi, schools, providerId, {
      upn: upnFor(747_474),
      legalFirstName: 'Kai',
      legalLastName: 'Brennan',
    });
    await lead.goto(`/placements/${placementId}`);
    await lead.getByRole('checkbox', { name: 'Monday morning', exact: true }).check();
    // The placement has run since 23 November: the change needs its day and its reason.
    const when = lead.getByRole('group', { name: 'When the change applies' });
    await expect.poll(() => when.isVisible()).toBe(true);
    await lead.getByRole('button', { name: 'Save plan' }).click();
    await expect
      .poll(() =>
        when.getByText('Say from which day the new timetable, cost or target applies, and why').isVisible(),
      )
      .toBe(true);
    await when.getByLabel(/^Applies from/).fill('2026-11-30');
    await when.getByLabel(/^Why it changes/).fill('Ready for a second morning');
    await lead.getByRole('button', { name: 'Save plan' }).click();
    await expect.poll(() => lead.getByText('From Mon 30 Nov 2026').isVisible()).toBe(true);
    await expect
      .poll(() =>
        lead
          .getByText(/1 day, 3 hours a week → 2 days, 6 hours a week\. Ready for a second morning/)
          .isVisible(),
      )
      .toBe(true);
    await expectAccessible(lead, 'a placement with a timetable change');
  });
});
