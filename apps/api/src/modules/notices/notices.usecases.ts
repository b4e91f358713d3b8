/**
 * Provider notices (Appendix 2 undertakings), each flagged late when it came after its deadline. A
 * change of DSL, deputy DSL or senior leadership makes a new safeguarding assurance letter due (see
 * approval-facts.ts), so the approval checklist shows it at once.
 */
import {
  type BankHoliday,
  dateInWords,
  isLateNotice,
  noticeDeadlines,
  noticesThatMakeALetterDue,
  noticesThatNameAPerson,
  type ProviderNoticeInput,
  providerNoticeLabels,
  termlyAssurance,
  todayInLondon,
} from '@waymark/domain';
import type { NoticeDue } from '@waymark/domain/contracts/notices';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import type { Command, Reading } from '../../lib/use-case.ts';
import { createCalendarRepository } from '../calendar/calendar.repository.ts';
import { notify } from '../notifications/notify.ts';
import { providersWithActivePlacements } from '../placements/placements.repository.ts';
import {
  createProvidersRepository,
  providerNameOf,
  providerNames,
} from '../providers/providers.repository.ts';
import { activePeopleWithRole } from '../users/users.repository.ts';
import { lastNoticeDates } from './notices.repository.ts';
import { providerNotices } from './notices.table.ts';

function present(
  row: typeof providerNotices.$inferSelect & { providerName: string },
  bankHolidays: readonly BankHoliday[],
) {
  return {
    id: row.id,
    providerId: row.providerId,
    providerName: row.providerName,
    kind: row.kind,
    effectiveOn: row.effectiveOn,
    details: row.details,
    source: row.source,
    reportedByName: row.reportedByName,
    reportedAt: row.reportedAt.toISOString(),
    checksAssured: row.checksAssured,
    deadline: noticeDeadlines[row.kind],
    late: isLateNotice(row.kind, row.effectiveOn, todayInLondon(row.reportedAt), bankHolidays),
  };
}

const bankHolidaysOf = (db: Database) => createCalendarRepository({ db }).bankHolidays();

async function listWhere(db: Database, providerIds: string[], groupId: string) {
  if (providerIds.length === 0) return [];
  const rows = await db
    .select({ notice: providerNotices, providerName: providerNameOf(providerNotices.providerId) })
    .from(providerNotices)
    .where(and(eq(providerNotices.groupId, groupId), inArray(providerNotices.providerId, providerIds)))
    .orderBy(desc(providerNotices.reportedAt), desc(providerNotices.id));
  const holidays = await bankHolidaysOf(db);
  return rows.map((r) => present({ ...r.notice, providerName: r.providerName }, holidays));
}

export async function listProviderNotices({ db, actor, providerId }: Reading & { providerId: string }) {
  const _provider = await createProvidersRepository({ db }).get(actor.groupId, providerId);
  return listWhere(db, [providerId], actor.groupId);
}

export async function listPortalNotices({ db, actor }: { db: Database; actor: Actor }) {
  return listWhere(db, reachOf(actor, 'portal.use').providerIds, actor.groupId);
}

/**
 * What the portal user's providers owe the schools now: the termly filtering and monitoring assurance,
 * while a provider has pupils placed and has not given it since the term began.
 */
export async function portalNoticesDue(
  db: Database,
  actor: Actor,
  today: string,
): Promise<{ due: NoticeDue[] }> {
  const placed = [...(await providersWithActivePlacements(db, reachOf(actor, 'portal.use').providerIds))];
  if (!placed.length) return { due: [] };
  const [given, names] = await Promise.all([
    lastNoticeDates(db, placed, 'filtering_assurance'),
    providerNames(db, actor.groupId, placed),
  ]);
  const lastOn = new Map(given.map((g) => [g.providerId, g.on]));
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return {
    due: [...nameOf.keys()].flatMap((providerId) => {
      const { term, given: done } = termlyAssurance(lastOn.get(providerId), today);
      if (done) return [];
      return [
        {
          providerId,
          providerName: nameOf.get(providerId)!,
          kind: 'filtering_assurance' as const,
          item: `Filtering and monitoring assurance for ${term.label}`,
          dueSince: term.startsOn,
        },
      ];
    }),
  };
}

export async function recordNotice({
  db,
  actor,
  ipAddress,
  providerId,
  input,
  source,
  now,
  publicUrl,
}: Command & {
  providerId: string;
  input: ProviderNoticeInput;
  source: 'portal' | 'school';
  publicUrl: string;
}) {
  return db.transaction(async (tx) => {
    const provider = await createProvidersRepository({ db: tx }).get(actor.groupId, providerId);
    const [row] = await tx
      .insert(providerNotices)
      .values({
        groupId: actor.groupId,
        providerId,
        kind: input.kind,
        effectiveOn: input.effectiveOn,
        details: input.details,
        checksAssured: input.kind === 'new_staff' ? true : null,
        source,
        reportedBy: actor.userId,
        reportedByName: actor.displayName,
        reportedAt: now,
      })
      .returning();
    if (source === 'portal') await tellSchools(tx, { actor, provider, input, now, publicUrl });
    // The directory shows who the lead is now, not who gave the last letter.
    if (input.newPerson && noticesThatNameAPerson.includes(input.kind)) {
      const person = { name: input.newPerson.name, trainedOn: input.newPerson.trainedOn ?? null };
      await createProvidersRepository({ db: tx }).update(
        providerId,
        input.kind === 'dsl_change'
          ? { dslName: person.name, dslTrainedOn: person.trainedOn, dslTrainingDetails: null }
          : {
              deputyDslName: person.name,
              deputyDslTrainedOn: person.trainedOn,
              deputyDslTrainingDetails: null,
            },
      );
    }
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'providers.notice_recorded',
        recordType: 'provider',
        recordId: providerId,
        summary: `${providerNoticeLabels[input.kind]} at ${provider.name} from ${dateInWords(input.effectiveOn)}${input.newPerson && noticesThatNameAPerson.includes(input.kind) ? `: now ${input.newPerson.name}, and the provider's record says so` : ''}${source === 'portal' ? ' (told by the provider)' : ''}${noticesThatMakeALetterDue.includes(input.kind) ? ': a new safeguarding letter is due' : ''}${input.kind === 'new_staff' ? ': every check confirmed complete in writing' : ''}`,
      },
    );
    return present({ ...row!, providerName: provider.name }, await bankHolidaysOf(tx));
  });
}

/** A provider told us of a change: the group's AP leads hear of it (at once, or in their digest). */
async function tellSchools(
  db: Database,
  {
    actor,
    provider,
    input,
    now,
    publicUrl,
  }: {
    actor: Actor;
    provider: { id: string; name: string };
    input: ProviderNoticeInput;
    now: Date;
    publicUrl: string;
  },
) {
  const leads = await activePeopleWithRole(db, { roles: ['ap_lead'], groupId: actor.groupId });
  // The label mid-sentence: its first letter lowered, its abbreviations (DSL) kept as they are.
  const label = providerNoticeLabels[input.kind];
  const what = `${label[0]!.toLowerCase()}${label.slice(1)}`;
  for (const to of leads)
    await notify(
      db,
      {
        groupId: actor.groupId,
        kind: 'provider_notice',
        to,
        subject: `${provider.name}: ${what}`,
        text: [
          `${actor.displayName} of ${provider.name} has told the school: ${what}, from ${dateInWords(input.effectiveOn)}.`,
          '',
          input.details,
          '',
          noticesThatMakeALetterDue.includes(input.kind)
            ? 'A new safeguarding assurance letter is now due from them.'
            : '',
          `See the provider: ${publicUrl}/providers/${provider.id}`,
        ]
          .filter((line, i, all) => line !== '' || all[i - 1] !== '')
          .join('\n'),
      },
      now,
    );
}

/** The provider a portal user reports for: the one they work for, or the one they name if several. */
export function portalProviderOf(actor: Actor, requested: string | undefined): string {
  const providerIds = reachOf(actor, 'portal.use').providerIds;
  if (requested) {
    if (!providerIds.includes(requested))
      throw fieldError('notices.unknown_provider', 'providerId', 'Choose a provider you work for');
    return requested;
  }
  if (providerIds.length !== 1)
    throw fieldError(
      'notices.choose_provider',
      'providerId',
      'You work for more than one provider: choose which',
    );
  return providerIds[0]!;
}
