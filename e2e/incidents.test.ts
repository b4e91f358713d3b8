import { describe, expect, it } from 'vitest';
import { completeAuditAnswers } from '../apps/api/src/modules/demo/demo-providers.ts';
import { apiAs, approvedProviderVia } from './support/api.ts';
import { choose, expectAccessible, signIn, skipReason, useBrowser } from './support/browser.ts';

const whatHappened = 'Mia said an adult at home locks her in her room when she is in trouble';

describe.skipIf(skipReason)('a safeguarding concern from a provider', () => {
  const browser = useBrowser();

  it('is reported on a phone, reaches the DSL, who triages and closes it; the AP lead sees only that it exists', async () => {
    const lead = await browser.newPage();
    await signIn(lead, 'aplead@riverside.example');
    const head = await browser.newPage();
    await signIn(head, 'head@riverside.example');
    const leadApi = await apiAs(lead);
    const providerId = await approvedProviderVia(
      leadApi,
      await apiAs(head),
      'Wharf Arts',
      completeAuditAnswers('yes'),
    );
    const { schools } = await (await lead.request.get('/api/organisation')).json();
    const pupil = await leadApi.post('/api/pupils', {
      schoolId: schools.find((s: { name: string }) => s.name === 'Riverside Academy').id,
      upn: 'Z340212300005',
      legalFirstName: 'Mia',
      legalLastName: 'Okafor',
      dateOfBirth: '2012-03-14',
      sex: 'F',
      senStatus: 'sen_support',
      lookedAfter: false,
      parents: [],
    });
    const placement = await leadApi.post('/api/placements', {
      pupilId: pupil.id,
      providerId,
      type: 'commissioned_ap',
      reason: 'Arts therapy and English',
    });
    await leadApi.put(`/api/placements/${placement.id}/plan`, {
      version: placement.version,
      reason: 'Arts therapy and English',
      startsOn: '2026-11-23',
      plannedEndOn: '2027-02-12',
      agreement: { discussedOn: '2026-11-18', withWhom: 'Mia and her father', how: 'Meeting', agreed: true },
      objectives: [
        { id: 'o1', text: 'Re-engage with English', timeline: 'Spring', successCriteria: 'Attends' },
      ],
      reintegrationTargets: [
        { id: 'r1', text: 'English at school', timeline: 'Summer', post16Link: 'College' },
      ],
      sessions: [{ day: 'wed', session: 'am', hours: 3 }],
    });
    await leadApi.post(`/api/placements/${placement.id}/send-referral`, {});
    await leadApi.post(`/api/placements/${placement.id}/start`, {});
    const admin = await browser.newPage();
    await signIn(admin, 'admin@northway.example');
    await (await apiAs(admin)).post('/api/users', {
      email: 'rae@wharf.example',
      displayName: 'Rae Lindqvist',
      password: 'wharf arts concerns',
      assignments: [{ role: 'provider_staff', scopeType: 'provider', scopeId: providerId }],
    });

    // The provider reports it from a phone.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(phone, 'rae@wharf.example', 'wharf arts concerns');
    await phone.goto('/portal/incidents');
    await choose(phone, phone.getByRole('combobox', { name: /^Pupil/ }), { name: /Mia Okafor/ });
    await choose(phone, phone.getByRole('combobox', { name: /^What kind/ }), {
      name: 'Safeguarding concern',
    });
    await expect.poll(() => phone.getByText('If a child is in immediate danger').isVisible()).toBe(true);
    await phone.getByLabel(/^When it happened/).fill('2026-11-25T10:15');
    await phone.getByLabel(/^Where it happened/).fill('Art room');
    await phone.getByLabel(/^What happened/).fill(whatHappened);
    await phone
      .getByLabel(/^What was done straight away/)
      .fill('Listened, wrote down her words, phoned the DSL');
    await expectAccessible(phone, 'reporting a concern on a phone');
    await phone.getByRole('button', { name: 'Send the report' }).click();
    const reports = phone.getByRole('region', { name: 'Your reports' });
    await expect.poll(() => reports.textContent()).toContain('Awaiting triage');

    // The DSL is emailed (the outbox holds it where no mail server is set up): no detail in it.
    await admin.goto('/outbox');
    const email = admin
      .getByRole('row')
      .filter({ hasText: 'dsl@riverside.example' })
      .filter({ hasText: 'urgent, a new concern to triage' });
    await expect.poll(() => email.count()).toBe(1);
    await expect.poll(() => admin.getByText('locks her in her room').count()).toBe(0);
    // The list shows subjects only: open the email itself to see that its text carries no detail either.
    const outbox = (await (await admin.request.get('/api/outbox?pageSize=200')).json()).emails as {
      id: string;
      toAddress: string;
      subject: string;
    }[];
    const toDsl = outbox.find(
      (e) => e.toAddress === 'dsl@riverside.example' && e.subject.includes('urgent, a new concern to triage'),
    );
    const body = (await (await admin.request.get(`/api/outbox/${toDsl!.id}`)).json()).bodyText as string;
    expect(body).toContain('/incidents/');
    expect(body).not.toContain('locks her in her room');

    // The AP lead has the non-urgent kinds in a morning digest; safeguarding stays immediate.
    await lead.goto('/account');
    // Her authenticator was set up without recovery codes: she is asked to make some, not told she is low.
    await expect.poll(() => lead.getByText(/No recovery codes yet/).isVisible()).toBe(true);
    expect(await lead.getByText('Few recovery codes left').count()).toBe(0);
    const incidents = lead.getByRole('radiogroup', {
      name: 'Behaviour, health and safety and other incidents',
    });
    await incidents.getByLabel('In the daily digest').click();
    await expect.poll(() => incidents.getByLabel('In the daily digest').isChecked()).toBe(true);
    await expect
      .poll(() => lead.getByText('Safeguarding concerns (to DSLs): always at once').isVisible())
      .toBe(true);
    await expectAccessible(lead, 'email notification choices');

    // The AP lead, who is not a DSL, sees that a concern exists and its status, nothing more.
    await lead.goto('/incidents');
    const listed = lead
      .getByRole('region', { name: 'Concerns and incidents' })
      .getByRole('row')
      .filter({ hasText: 'Mia Okafor' });
    await expect.poll(() => listed.textContent()).toContain('Safeguarding concern');
    await listed.getByRole('link', { name: 'Safeguarding concern' }).click();
    await expect
      .poll(() => lead.getByText('Only a designated safeguarding lead reads this record').isVisible())
      .toBe(true);
    await expect.poll(() => lead.getByText(whatHappened).count()).toBe(0);
    await expectAccessible(lead, 'a safeguarding concern seen by an AP lead');

    // The DSL reads it, triages and closes it.
    const dsl = await browser.newPage();
    await signIn(dsl, 'dsl@riverside.example');
    const waiting = dsl.getByRole('link', { name: 'Safeguarding concern: Mia Okafor' });
    await expect.poll(() => waiting.isVisible()).toBe(true);
    await expectAccessible(dsl, 'the DSL’s home page with a concern awaiting triage');
    await dsl
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Concerns and incidents' })
      .click();
    const row = dsl
      .getByRole('region', { name: 'Concerns and incidents' })
      .getByRole('row')
      .filter({ hasText: 'Mia Okafor' });
    await expect.poll(() => row.textContent()).toContain('Awaiting triage');
    await row.getByRole('link', { name: 'Safeguarding concern' }).click();
    await expect.poll(() => dsl.getByText(whatHappened).isVisible()).toBe(true);
    const triage = dsl.getByRole('form', { name: 'Triage' });
    await choose(dsl, triage.getByRole('combobox', { name: /^Level of response/ }), {
      name: 'Refer to an agency',
    });
    await triage.getByLabel(/^Why/).fill('Possible emotional abuse; threshold met for a referral');
    await triage.getByRole('button', { name: 'Record the triage' }).click();
    await expect
      .poll(() => dsl.getByText('Refer to an agency. Possible emotional abuse', { exact: false }).isVisible())
      .toBe(true);
    await expectAccessible(dsl, 'a safeguarding concern seen by the DSL');
    const close = dsl.getByRole('form', { name: 'Close the record' });
    await close
      .getByLabel(/^Outcome/)
      .fill('Referred to the front door; social worker allocated; provider told what to watch for');
    await close.getByRole('button', { name: 'Close with this outcome' }).click();
    await expect.poll(() => dsl.getByText('Closed', { exact: true }).first().isVisible()).toBe(true);

    // The provider sees it is closed.
    await phone.reload();
    await expect.poll(() => reports.textContent()).toContain('Closed');
  });
});
