/**
 * Chapter 2: the provider directory. Riverside's AP lead adds each provider, audits it, files its
 * evidence (letters, insurance certificates, the signed SLA, as PDFs) and records its cover and SLA; the
 * headteacher approves it once every check is met. Approved providers were approved before the
 * pupils' school year began; the rest of each story (a suspension, cover that ran out, a registration
 * alarm) happened this term, so the directory shows every state on the day Waymark starts.
 */
import {
  addDays,
  type IsoDate,
  letterChecks,
  letterUndertakings,
  providerInputSchema,
  signLetterSchema,
} from '@waymark/domain';
import { startAuditBodySchema } from '@waymark/domain/contracts/audits';
import {
  decisionBodySchema,
  documentDetailsSchema,
  policyBodySchema,
  registrationCheckBodySchema,
  slaBodySchema,
} from '@waymark/domain/contracts/providers';
import { renderPdf } from '../../../lib/pdf.ts';
import { saveAuditDraft, startAudit, submitAudit } from '../../audits/audits.usecases.ts';
import { listPortalLetters, requestLetter, signLetter } from '../../letters/letters.usecases.ts';
import { decideOnProvider } from '../../providers/decisions.usecases.ts';
import { listDocuments, uploadDocument } from '../../providers/documents.usecases.ts';
import { recordInsurance } from '../../providers/insurance.usecases.ts';
import { createProvider, recordRegistrationCheck } from '../../providers/providers.usecases.ts';
import { recordSla } from '../../providers/sla.usecases.ts';
import { demoYearStart } from '../demo-calendar.ts';
import { completeAuditAnswers } from '../demo-providers.ts';
import { addPerson } from './organisation.ts';
import { type DemoProvider, livingProviders } from './provider-directory.ts';
import { actorOf, asEntered, type DemoWorld, idOf, londonInstant, plan } from './world.ts';

const AP_LEAD = 'aplead@riverside.example';
const HEADTEACHER = 'head@riverside.example';

/** Provider staff who use the portal: they sign letters and send registers (Compass sends by API instead). */
export const livingProviderPeople = [
  {
    email: 'staff@bridges.example',
    displayName: 'Lena Morris',
    role: 'provider_staff',
    scopeType: 'provider',
    scope: 'bridges',
  },
  {
    email: 'staff@northbank.example',
    displayName: 'Dawn Okafor',
    role: 'provider_staff',
    scopeType: 'provider',
    scope: 'northbank',
  },
  {
    email: 'staff@elmtree.example',
    displayName: 'Hannah Elms',
    role: 'provider_staff',
    scopeType: 'provider',
    scope: 'elmtree',
  },
  {
    email: 'staff@harbour.example',
    displayName: 'Marcus Lyle',
    role: 'provider_staff',
    scopeType: 'provider',
    scope: 'harbour',
  },
  {
    email: 'staff@ironworks.example',
    displayName: 'Priya Shah',
    role: 'provider_staff',
    scopeType: 'provider',
    scope: 'ironworks',
  },
  {
    email: 'staff@summit.example',
    displayName: 'Tom Reeve',
    role: 'provider_staff',
    scopeType: 'provider',
    scope: 'summit',
  },
  {
    email: 'staff@compass.example',
    displayName: 'Joanne Birch',
    role: 'provider_staff',
    scopeType: 'provider',
    scope: 'compass',
  },
  {
    email: 'staff@kingsway.example',
    displayName: 'Joy Adeyemi',
    role: 'provider_staff',
    scopeType: 'provider',
    scope: 'kingsway',
  },
] as const;

export function planProviderDirectory(world: DemoWorld) {
  const yearStart = demoYearStart(world.today);
  const lastYearStart = demoYearStart(addDays(yearStart, -1));
  const daysAgo = (days: number) => addDays(world.today, -days);
  for (const provider of livingProviders) {
    const key = provider.key;
    switch (provider.story) {
      case 'draft':
        plan(world, daysAgo(2), '09:00', `add ${key}`, () => addToDirectory(world, provider, daysAgo(2)));
        break;
      case 'under_audit':
        plan(world, daysAgo(30), '09:00', `add ${key}`, () => addToDirectory(world, provider, daysAgo(30)));
        plan(world, daysAgo(12), '10:00', `start the audit of ${key}`, async () => {
          const auditId = await startVisit(world, key, daysAgo(12));
          const answers = Object.fromEntries(Object.entries(completeAuditAnswers('yes')).slice(0, 20));
          await saveAuditDraft({ ...as(world, AP_LEAD), auditId, changes: { answers } });
        });
        break;
      case 'awaiting_letter':
        plan(world, daysAgo(40), '09:00', `add ${key}`, () => addToDirectory(world, provider, daysAgo(40)));
        plan(world, daysAgo(21), '10:00', `audit ${key}`, () => audit(world, key, daysAgo(21)));
        plan(world, daysAgo(20), '09:00', `ask ${key} for its letter`, () =>
          requestLetter({
            ...as(world, AP_LEAD),
            providerId: idOf(world, key),
            schoolId: idOf(world, 'riverside'),
            now: londonInstant(daysAgo(20), '09:00'),
            publicUrl: world.publicUrl,
          }),
        );
        break;
      case 'ready_for_approval':
        // Every check met this month; the headteacher has not decided yet.
        planApproval(world, provider, daysAgo(3), [yearStart], { decide: false });
        break;
      default:
        // Approved over the summer before last school year (a day apart), renewed each summer since.
        planApproval(world, provider, addDays(lastYearStart, -40 + livingProviders.indexOf(provider)), [
          lastYearStart,
          yearStart,
        ]);
    }
  }
  planThisTerm(world);
}

/** What happened this term to providers approved before it. */
function planThisTerm(world: DemoWorld) {
  const daysAgo = (days: number) => addDays(world.today, -days);
  const decide = (key: string, kind: 'suspended' | 'withdrawn', reason: string, day: IsoDate) =>
    plan(world, day, '15:00', `record that ${key} is ${kind}`, () =>
      decideOnProvider({
        ...as(world, HEADTEACHER),
        providerId: idOf(world, key),
        ...asEntered(decisionBodySchema, { kind, reason }),
        now: londonInstant(day, '15:00'),
      }),
    );
  // Kingsway is suspended ten days ago, once its pupil has started there (in the first days of term
  // nothing has happened yet).
  const yearStart = demoYearStart(world.today);
  if (daysAgo(10) > yearStart)
    decide(
      'kingsway',
      'suspended',
      'Two pupils were left unsupervised during a session; suspended until the safer recruitment review is done',
      daysAgo(10),
    );
  decide('pathways', 'withdrawn', 'The mentoring service is closing; no new pupils', daysAgo(40));
  plan(world, daysAgo(15), '11:00', 'record the registration check of crossroads', () =>
    recordRegistrationCheck({
      ...as(world, AP_LEAD),
      providerId: idOf(world, 'crossroads'),
      counts: asEntered(registrationCheckBodySchema, {
        fullTimePupils: 6,
        fullTimePupilsLookedAfterOrEhcp: 2,
      }),
      today: daysAgo(15),
    }),
  );
}

async function addToDirectory(world: DemoWorld, provider: DemoProvider, on: IsoDate) {
  const input = asEntered(providerInputSchema, provider.details);
  const made = await createProvider({ ...as(world, AP_LEAD), input, today: on });
  world.ids.set(provider.key, made.id);
  // Its manager is given a portal account the same day.
  const staff = livingProviderPeople.find((p) => p.scope === provider.key);
  if (staff) await addPerson(world, staff);
}

async function startVisit(world: DemoWorld, key: string, on: IsoDate) {
  const visit = asEntered(startAuditBodySchema, {
    visitedAt: londonInstant(on, '10:00').toISOString(),
    auditorName: actorOf(world, AP_LEAD).displayName,
  });
  return (await startAudit({ ...as(world, AP_LEAD), providerId: idOf(world, key), visit })).id;
}

/** A visit, every answer recorded the same day and the audit submitted: the provision is suitable. */
async function audit(world: DemoWorld, key: string, on: IsoDate) {
  const auditId = await startVisit(world, key, on);
  await saveAuditDraft({ ...as(world, AP_LEAD), auditId, changes: { answers: completeAuditAnswers('yes') } });
  await submitAudit({ ...as(world, AP_LEAD), auditId, now: londonInstant(on, '16:00') });
}

/**
 * Every Appendix 3 step in the month before `on` (the summer before last school year), then the
 * headteacher's approval; each summer since, the letter, cover and SLA are renewed for the year ahead.
 */
function planApproval(
  world: DemoWorld,
  provider: DemoProvider,
  on: IsoDate,
  yearStarts: IsoDate[],
  { decide = true }: { decide?: boolean } = {},
) {
  const key = provider.key;
  const step = (day: IsoDate, what: string, run: () => Promise<unknown>) =>
    plan(world, day, '10:00', `${what} (${key})`, run);
  const letter = (day: IsoDate) =>
    key === 'bridges'
      ? signedInThePortal(world, key, day)
      : file(world, key, 'safeguarding_letter', 'Safeguarding assurance letter', day);
  step(addDays(on, -30), 'add to the directory', () => addToDirectory(world, provider, addDays(on, -30)));
  step(addDays(on, -21), 'audit', () => audit(world, key, addDays(on, -21)));
  for (const [i, yearStart] of yearStarts.entries()) {
    // The first year's evidence comes before approval; later years' in the summer before term.
    const day = i === 0 ? addDays(on, -14) : addDays(yearStart, -25);
    const yearEnds = addDays(yearStart, 364);
    const lastYear = i === yearStarts.length - 1;
    step(day, 'file the letter', () => letter(day));
    // Each year the registration test's counts are confirmed with the provider (none placed by others).
    if (i > 0)
      step(addDays(day, 2), 'confirm the registration test', () =>
        recordRegistrationCheck({
          ...as(world, AP_LEAD),
          providerId: idOf(world, key),
          counts: asEntered(registrationCheckBodySchema, {
            fullTimePupils: 0,
            fullTimePupilsLookedAfterOrEhcp: 0,
          }),
          today: addDays(day, 2),
        }),
      );
    step(addDays(day, 4), 'record the insurance', async () => {
      // Public liability that ran out a few weeks ago is what lapses Summit's approval.
      const publicLiabilityEnds =
        lastYear && provider.story === 'cover_expired' ? addDays(world.today, -20) : yearEnds;
      for (const [type, levelPounds, expiresOn] of [
        ['public_liability', 5_000_000, publicLiabilityEnds],
        ['employers_liability', 10_000_000, yearEnds],
        ['professional_indemnity', 2_000_000, yearEnds],
      ] as const) {
        const policy = asEntered(policyBodySchema, {
          type,
          insurer: 'Zurich Municipal',
          levelPounds,
          expiresOn,
        });
        await recordInsurance({
          ...as(world, AP_LEAD),
          providerId: idOf(world, key),
          policy,
          today: addDays(day, 4),
        });
      }
    });
    step(addDays(day, 7), 'record the SLA', async () => {
      const slaId = await file(world, key, 'sla', 'Service level agreement', addDays(day, 7));
      const terms = asEntered(slaBodySchema, {
        safeguarding:
          'Any concern is reported to the school’s DSL the same day, by telephone then in Waymark',
        dataSharing: 'Pupil information is shared under the trust’s data sharing agreement, in Waymark only',
        attendanceAmBy: '10:00',
        attendancePmBy: '14:00',
        attendanceMethod: 'The daily register in Waymark, morning and afternoon',
        complaints: 'The school’s complaints procedure',
        escalation: 'The school’s AP lead, then the headteacher',
        startsOn: addDays(day, 7),
        endsOn: yearEnds,
        signedDocumentId: slaId,
      });
      await recordSla({ ...as(world, AP_LEAD), providerId: idOf(world, key), terms });
    });
  }
  if (!decide) return;
  plan(world, on, '15:00', `approve ${key}`, () =>
    decideOnProvider({
      ...as(world, HEADTEACHER),
      providerId: idOf(world, key),
      ...asEntered(decisionBodySchema, { kind: 'approved' }),
      now: londonInstant(on, '15:00'),
    }),
  );
}

/** The school asks in Waymark; the provider's manager signs the letter in the portal. */
/** The school asks for the letter and the provider's DSL signs it in the portal the same day. */
export async function signedInThePortal(world: DemoWorld, key: string, on: IsoDate) {
  const providerId = idOf(world, key);
  await requestLetter({
    ...as(world, AP_LEAD),
    providerId,
    schoolId: idOf(world, 'riverside'),
    now: londonInstant(on, '09:00'),
    publicUrl: world.publicUrl,
  });
  const staff = livingProviderPeople.find((p) => p.scope === key)!;
  const signer = actorOf(world, staff.email);
  const { letters } = await listPortalLetters({ db: world.db, actor: signer });
  const letter = letters.find((l) => !l.signedAt)!;
  const input = asEntered(signLetterSchema, {
    checks: letterChecks.map(() => true),
    undertakings: letterUndertakings.map(() => true),
    name: staff.displayName,
    role: 'Designated safeguarding lead',
    organisation: livingProviders.find((p) => p.key === key)!.details.name,
    signature: staff.displayName,
  });
  await signLetter({
    db: world.db,
    actor: signer,
    ipAddress: null,
    letterId: letter.id,
    input,
    now: londonInstant(on, '11:30'),
  });
}

/** Files a document as the AP lead would: a real PDF, dated, with its kind and title. */
async function file(
  world: DemoWorld,
  key: string,
  kind: 'safeguarding_letter' | 'sla',
  title: string,
  on: IsoDate,
) {
  const provider = livingProviders.find((p) => p.key === key)!.details.name;
  const content = await renderPdf({ title, runningHeader: provider }, (pdf) => {
    pdf.heading(title);
    pdf.field('Provider', provider);
    pdf.field('Dated', on);
    pdf.paragraph('Signed copy, as received by the school (demo document).');
  });
  const details = asEntered(documentDetailsSchema, { kind, title, documentDate: on, expiresOn: '' });
  const providerId = idOf(world, key);
  await uploadDocument({
    ...as(world, AP_LEAD),
    providerId,
    details,
    file: { filename: `${title.toLowerCase().replaceAll(' ', '-')}.pdf`, content },
    now: londonInstant(on, '12:00'),
  });
  const { documents } = await listDocuments({ db: world.db, actor: actorOf(world, AP_LEAD), providerId });
  return documents.filter((d) => d.kind === kind).sort((a, b) => b.version - a.version)[0]!.id;
}

function as(world: DemoWorld, email: string) {
  return { db: world.db, actor: actorOf(world, email), ipAddress: null };
}
