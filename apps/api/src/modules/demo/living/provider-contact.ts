/**
 * Chapter 8: what providers tell schools and what schools and providers say to each other (policy §6,
 * Appendix 2). Providers give notice of changes in the portal: a new DSL at Northbank (whose last
 * safeguarding letter then no longer counts, until the new DSL signs one three days later), a new
 * deputy DSL at Summit (its new letter still awaited), a new member of staff at Harbour with every check assured, and
 * a change to Ironworks' safeguarding policy told five days late; some send this term's filtering and
 * monitoring assurance, others have not yet. AP leads log calls and emails with providers and about
 * pupils.
 */
import {
  addDays,
  type CommunicationKind,
  type IsoDate,
  type ProviderNoticeKind,
  providerNoticeInputSchema,
} from '@waymark/domain';
import { communicationInputSchema } from '@waymark/domain/contracts/placements';
import { recordNotice } from '../../notices/notices.usecases.ts';
import { recordCommunication } from '../../placements/communications.usecases.ts';
import { recordProviderCommunication } from '../../providers/communications.usecases.ts';
import { placementKeyOf, placementSchedules } from './placements.ts';
import { signedInThePortal } from './providers.ts';
import { actorOf, asEntered, type DemoWorld, idOf, londonInstant, plan } from './world.ts';

interface Notice {
  provider: string;
  kind: ProviderNoticeKind;
  /** Days before today the change took effect, and the school was told. */
  effectiveDaysAgo: number;
  toldDaysAgo: number;
  details: string;
  /** A new DSL or deputy: who it is now. */
  newPerson?: { name: string };
  /** Told by phone and recorded by an AP lead (email address), or sent in the portal. */
  recordedBy?: string;
  /** After a change of leads: the new DSL signs a new safeguarding letter three days later. */
  newLetterSigned?: boolean;
}

const notices: Notice[] = [
  {
    provider: 'northbank',
    kind: 'dsl_change',
    effectiveDaysAgo: 30,
    toldDaysAgo: 30,
    details: 'Dawn Okafor, 14 to 16 programme lead, is now the DSL; Ian Ross becomes the deputy',
    newPerson: { name: 'Dawn Okafor' },
    newLetterSigned: true,
  },
  {
    provider: 'summit',
    kind: 'deputy_dsl_change',
    effectiveDaysAgo: 6,
    toldDaysAgo: 6,
    details: 'Sam Lowe, senior instructor, is the new deputy DSL',
    newPerson: { name: 'Sam Lowe' },
  },
  {
    provider: 'harbour',
    kind: 'new_staff',
    effectiveDaysAgo: 16,
    toldDaysAgo: 18,
    details:
      'Kerry Flint, teaching assistant, starts on Monday: enhanced DBS with barred list, references and right to work checked',
  },
  {
    provider: 'ironworks',
    kind: 'safeguarding_policy_change',
    effectiveDaysAgo: 14,
    toldDaysAgo: 7,
    details: 'The safeguarding policy now covers pupils working on customer vehicles off site',
  },
  {
    provider: 'compass',
    kind: 'filtering_monitoring_change',
    effectiveDaysAgo: 25,
    toldDaysAgo: 25,
    details: 'Moved to a new filtering service; alerts now go to the DSL and the deputy',
    recordedBy: 'aplead@oakfield.example',
  },
  ...(['bridges', 'harbour', 'compass'] as const).map(
    (provider, n): Notice => ({
      provider,
      kind: 'filtering_assurance',
      effectiveDaysAgo: 20 + n * 4,
      toldDaysAgo: 20 + n * 4,
      details: 'Filtering and monitoring tested this term against the DfE standards; no gaps found',
    }),
  ),
];

interface Conversation {
  kind: CommunicationKind;
  daysAgo: number;
  withWhom: string;
  summary: string;
  followUp?: string;
  /** A provider's log, or a pupil's placement (school and pupil number). */
  about: { provider: string } | { school: string; pupil: number };
  by: string;
}

const conversations: Conversation[] = [
  {
    kind: 'call',
    daysAgo: 10,
    withWhom: 'Centre manager, Kingsway',
    summary: 'Told them the trust has suspended new placements until the safer recruitment review is done',
    followUp: 'Review their single central record on the next visit',
    about: { provider: 'kingsway' },
    by: 'aplead@riverside.example',
  },
  {
    kind: 'email',
    daysAgo: 18,
    withWhom: 'Tom Reeve, Summit',
    summary: 'Asked for the renewed public liability certificate; the old one runs out this week',
    followUp: 'Chase if nothing by Friday',
    about: { provider: 'summit' },
    by: 'aplead@riverside.example',
  },
  {
    kind: 'meeting',
    daysAgo: 40,
    withWhom: 'Joanne Birch, head of centre',
    summary: 'Agreed Compass sends registers from its own system by API from the start of term',
    about: { provider: 'compass' },
    by: 'aplead@oakfield.example',
  },
  {
    kind: 'call',
    daysAgo: 5,
    withWhom: 'Parent',
    summary: 'Talked through the attendance worries; agreed a morning text and a lift on Tuesdays',
    followUp: 'Check attendance in a fortnight',
    about: { school: 'riverside', pupil: 5 },
    by: 'aplead@riverside.example',
  },
  {
    kind: 'visit',
    daysAgo: 12,
    withWhom: 'Key worker at Compass',
    summary: 'Dropped in to see the pupil settle after the move; going well',
    about: { school: 'hillview', pupil: 4 },
    by: 'aplead@hillview.example',
  },
  {
    kind: 'letter',
    daysAgo: 26,
    withWhom: 'Parents',
    summary: 'Wrote to confirm the plan agreed at the review and the dates of the next one',
    about: { school: 'oakfield', pupil: 2 },
    by: 'aplead@oakfield.example',
  },
];

export function planProviderContact(world: DemoWorld) {
  for (const notice of notices) {
    const toldOn = addDays(world.today, -notice.toldDaysAgo);
    plan(world, toldOn, '11:15', `record a ${notice.kind} notice from ${notice.provider}`, () =>
      tell(world, notice, toldOn),
    );
    if (notice.newLetterSigned) {
      const signedOn = addDays(toldOn, 3);
      plan(world, signedOn, '10:00', `sign ${notice.provider}'s new letter`, () =>
        signedInThePortal(world, notice.provider, signedOn),
      );
    }
  }
  const schedules = placementSchedules(world);
  for (const c of conversations) {
    const on = addDays(world.today, -c.daysAgo);
    if ('school' in c.about) {
      const key = placementKeyOf(c.about.school, c.about.pupil);
      if (schedules.find((p) => p.key === key)!.startsOn > on) continue;
    }
    plan(world, on, '16:00', `log a ${c.kind}`, () => converse(world, c, on));
  }
  // Most placements' key workers are called every few weeks; a few have heard nothing since September.
  const running = schedules.filter((p) => p.story.stage === 'active' || p.story.stage === 'recent');
  for (const [n, p] of running.entries()) {
    const on = addDays(world.today, -(8 + (n % 9)));
    if (n % 4 === 1 || on <= p.startsOn) continue;
    const call: Conversation = {
      kind: 'call',
      daysAgo: 8 + (n % 9),
      withWhom: 'Key worker',
      summary: 'Weekly catch-up: settled this week; work set by school done',
      about: { school: p.story.school, pupil: p.story.pupil as number },
      by: `aplead@${p.story.school}.example`,
    };
    plan(world, on, '15:30', 'log a call with a key worker', () => converse(world, call, on));
  }
}

function tell(world: DemoWorld, notice: Notice, toldOn: IsoDate) {
  const input = asEntered(providerNoticeInputSchema, {
    kind: notice.kind,
    effectiveOn: addDays(world.today, -notice.effectiveDaysAgo),
    details: notice.details,
    ...(notice.kind === 'new_staff' ? { checksAssured: true } : {}),
    ...(notice.newPerson ? { newPerson: notice.newPerson } : {}),
  });
  return recordNotice({
    db: world.db,
    actor: actorOf(world, notice.recordedBy ?? `staff@${notice.provider}.example`),
    ipAddress: null,
    providerId: idOf(world, notice.provider),
    input,
    source: notice.recordedBy ? 'school' : 'portal',
    now: londonInstant(toldOn, '11:15'),
    publicUrl: world.publicUrl,
  });
}

function converse(world: DemoWorld, c: Conversation, on: IsoDate) {
  const command = { db: world.db, actor: actorOf(world, c.by), ipAddress: null, today: on };
  const input = asEntered(communicationInputSchema, {
    kind: c.kind,
    occurredOn: on,
    withWhom: c.withWhom,
    summary: c.summary,
    followUp: c.followUp ?? '',
  });
  return 'provider' in c.about
    ? recordProviderCommunication({
        ...command,
        now: londonInstant(on, '16:00'),
        providerId: idOf(world, c.about.provider),
        input,
      })
    : recordCommunication({
        ...command,
        placementId: idOf(world, placementKeyOf(c.about.school, c.about.pupil)),
        input,
      });
}
