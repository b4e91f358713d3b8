/**
 * Gathers what runs out for every provider the group still uses, as the domain's ExpiringEvidence:
 * the current policy of each kind of insurance, the latest version of each document with an expiry,
 * the latest safeguarding letter (valid 12 months) and the current SLA.
 */
import {
  addDays,
  type ExpiringEvidence,
  insuranceRules,
  LETTER_VALID_DAYS,
  renewalsDue,
  termlyAssurance,
} from '@waymark/domain';
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { signedLettersOf } from '../letters/letters.repository.ts';
import { lastNoticeDates } from '../notices/notices.repository.ts';
import { providersWithActivePlacements } from '../placements/placements.repository.ts';
import {
  providerDecisions,
  providerDocuments,
  providerInsurance,
  providerSlas,
  providers,
} from './providers.table.ts';

export async function expiringEvidence(
  db: Database,
  groupId: string,
  today: string,
): Promise<ExpiringEvidence[]> {
  const all = await db
    .select({ id: providers.id, name: providers.name })
    .from(providers)
    .where(eq(providers.groupId, groupId));
  // A withdrawn provider is no longer used: nothing of it needs renewing.
  const latestDecisions = await db
    .selectDistinctOn([providerDecisions.providerId], {
      providerId: providerDecisions.providerId,
      kind: providerDecisions.kind,
    })
    .from(providerDecisions)
    .where(eq(providerDecisions.groupId, groupId))
    .orderBy(
      providerDecisions.providerId,
      desc(providerDecisions.decidedAt),
      desc(providerDecisions.sequence),
    );
  const withdrawn = new Set(latestDecisions.filter((d) => d.kind === 'withdrawn').map((d) => d.providerId));
  const inUse = all.filter((p) => !withdrawn.has(p.id));
  if (inUse.length === 0) return [];
  const ids = inUse.map((p) => p.id);
  const nameOf = new Map(inUse.map((p) => [p.id, p.name]));
  const [covers, documents, letterDocuments, signedLetters, slas] = await Promise.all([
    db
      .selectDistinctOn([providerInsurance.providerId, providerInsurance.type])
      .from(providerInsurance)
      .where(inArray(providerInsurance.providerId, ids))
      .orderBy(providerInsurance.providerId, providerInsurance.type, desc(providerInsurance.expiresOn)),
    db
      .selectDistinctOn([providerDocuments.providerId, providerDocuments.title])
      .from(providerDocuments)
      .where(
        and(inArray(providerDocuments.providerId, ids), ne(providerDocuments.kind, 'safeguarding_letter')),
      )
      .orderBy(providerDocuments.providerId, providerDocuments.title, desc(providerDocuments.version)),
    db
      .select({ providerId: providerDocuments.providerId, on: providerDocuments.documentDate })
      .from(providerDocuments)
      .where(
        and(inArray(providerDocuments.providerId, ids), eq(providerDocuments.kind, 'safeguarding_letter')),
      ),
    signedLettersOf(db, ids),
    db
      .selectDistinctOn([providerSlas.providerId])
      .from(providerSlas)
      .where(inArray(providerSlas.providerId, ids))
      .orderBy(providerSlas.providerId, desc(providerSlas.recordedAt), desc(providerSlas.id)),
  ]);
  const evidence: ExpiringEvidence[] = [];
  const add = (providerId: string, kind: ExpiringEvidence['kind'], item: string, expiresOn: string) =>
    evidence.push({ providerId, providerName: nameOf.get(providerId) ?? '', kind, item, expiresOn });

  for (const cover of covers)
    add(cover.providerId, 'insurance', `${insuranceRules[cover.type].label} insurance`, cover.expiresOn);
  for (const document of documents)
    if (document.expiresOn) add(document.providerId, 'document', document.title, document.expiresOn);
  const latestLetter = new Map<string, string>();
  const consider = (providerId: string, on: string | null | undefined) => {
    if (on && on > (latestLetter.get(providerId) ?? '')) latestLetter.set(providerId, on);
  };
  for (const letter of letterDocuments) consider(letter.providerId, letter.on);
  for (const letter of signedLetters) consider(letter.providerId, letter.content?.signedOn);
  for (const [providerId, on] of latestLetter)
    add(providerId, 'letter', 'Safeguarding assurance letter', addDays(on, LETTER_VALID_DAYS));
  for (const sla of slas) add(sla.providerId, 'sla', 'Service level agreement', sla.endsOn);
  await addTermlyAssurance(db, ids, today, add);
  return evidence;
}

/**
 * The termly filtering and monitoring assurance (Appendix 2), for providers with pupils placed now: one
 * given this term lasts to the term's end; otherwise it has been due since the term began.
 */
async function addTermlyAssurance(
  db: Database,
  providerIds: string[],
  today: string,
  add: (providerId: string, kind: ExpiringEvidence['kind'], item: string, expiresOn: string) => void,
) {
  const [placed, assurances] = await Promise.all([
    providersWithActivePlacements(db, providerIds),
    lastNoticeDates(db, providerIds, 'filtering_assurance'),
  ]);
  const lastOn = new Map(assurances.map((a) => [a.providerId, a.on]));
  for (const providerId of placed) {
    const { term, given } = termlyAssurance(lastOn.get(providerId), today);
    const expiresOn = given ? term.endsOn : addDays(term.startsOn, -1);
    add(providerId, 'assurance', `Filtering and monitoring assurance for ${term.label}`, expiresOn);
  }
}

export async function listRenewals(db: Database, groupId: string, today: string, withinDays?: number) {
  return renewalsDue(await expiringEvidence(db, groupId, today), today, withinDays);
}
