/**
 * Gathers, for a set of providers, the facts the approval rules need (packages/domain approval.ts),
 * in one query per kind of fact however many providers are listed.
 */
import {
  type ApprovalFacts,
  checkInsuranceCover,
  evaluateApproval,
  noticesThatMakeALetterDue,
  providerNoticeLabels,
  todayInLondon,
} from '@waymark/domain';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { latestAuditsOf, type ProviderAudit } from '../audits/audits.repository.ts';
import { signedLettersOf } from '../letters/letters.repository.ts';
import { latestNoticesOf } from '../notices/notices.repository.ts';
import { liveRegistrationCounts } from './live-registration.ts';
import { presentRegistration } from './providers.presenter.ts';
import {
  providerDecisions,
  providerDocuments,
  providerInsurance,
  providerSlas,
  type providers,
} from './providers.table.ts';

type ProviderRow = typeof providers.$inferSelect;

export async function evaluateProviders(db: Database, rows: ProviderRow[], today: string) {
  const ids = rows.map((r) => r.id);
  if (!ids.length)
    return new Map<
      string,
      ReturnType<typeof evaluateApproval> & {
        lastAudit: ProviderAudit | null;
        registration: ReturnType<typeof presentRegistration>;
      }
    >();
  const [audits, letters, signedLetters, policies, slas, decisions, notices] = await Promise.all([
    latestAuditsOf(db, ids),
    db
      .select({
        providerId: providerDocuments.providerId,
        receivedOn: sql<string>`max(coalesce(${providerDocuments.documentDate}, (${providerDocuments.uploadedAt} at time zone 'Europe/London')::date))::text`,
        recordedAt: sql<string>`to_char(max(${providerDocuments.uploadedAt}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
      })
      .from(providerDocuments)
      .where(
        and(inArray(providerDocuments.providerId, ids), eq(providerDocuments.kind, 'safeguarding_letter')),
      )
      .groupBy(providerDocuments.providerId),
    signedLettersOf(db, ids),
    db.select().from(providerInsurance).where(inArray(providerInsurance.providerId, ids)),
    db
      .selectDistinctOn([providerSlas.providerId])
      .from(providerSlas)
      .where(inArray(providerSlas.providerId, ids))
      .orderBy(providerSlas.providerId, desc(providerSlas.recordedAt), desc(providerSlas.id)),
    db
      .selectDistinctOn([providerDecisions.providerId])
      .from(providerDecisions)
      .where(inArray(providerDecisions.providerId, ids))
      .orderBy(
        providerDecisions.providerId,
        desc(providerDecisions.decidedAt),
        desc(providerDecisions.sequence),
      ),
    latestNoticesOf(db, ids, noticesThatMakeALetterDue),
  ]);
  const liveCounts = await liveRegistrationCounts(db, ids, today);
  const noticeOf = new Map(notices.map((n) => [n.providerId, n]));
  /** The latest change of leadership: an edit of the DSL fields, or a notice, whichever came last. */
  const leadershipChangeOf = (row: ProviderRow) => {
    const edited = row.safeguardingLeadsChangedAt
      ? { at: row.safeguardingLeadsChangedAt.toISOString(), what: 'The DSL or deputy changed' }
      : null;
    const notice = noticeOf.get(row.id);
    const told = notice
      ? { at: notice.reportedAt.toISOString(), what: `${providerNoticeLabels[notice.kind]} was notified` }
      : null;
    if (!edited || !told) return edited ?? told;
    return told.at > edited.at ? told : edited;
  };
  const auditOf = new Map(audits.map((a) => [a.providerId, a]));
  // A letter counts as received whether signed online or filed as a signed scan; the latest decides.
  const letterOf = new Map(letters.map((l) => [l.providerId, l.receivedOn]));
  // When the latest letter was recorded, to order it against a change of DSL on the same day.
  const letterRecordedAt = new Map(letters.map((l) => [l.providerId, l.recordedAt]));
  for (const signed of signedLetters) {
    const on = (signed.content as { signedOn: string }).signedOn;
    if (on > (letterOf.get(signed.providerId) ?? '')) letterOf.set(signed.providerId, on);
    const at = signed.signedAt!.toISOString();
    if (at > (letterRecordedAt.get(signed.providerId) ?? '')) letterRecordedAt.set(signed.providerId, at);
  }
  const slaOf = new Map(slas.map((s) => [s.providerId, s]));
  const decisionOf = new Map(decisions.map((d) => [d.providerId, d]));
  const londonDate = (at: Date) => todayInLondon(at);

  return new Map(
    rows.map((row) => {
      const audit = auditOf.get(row.id) ?? null;
      const suitableAnswer = audit?.answers.suitable?.answer;
      const registration = presentRegistration(row, liveCounts.get(row.id));
      const sla = slaOf.get(row.id);
      const decision = decisionOf.get(row.id);
      const facts: ApprovalFacts = {
        audit: audit
          ? { status: audit.status, suitable: suitableAnswer ? suitableAnswer === 'yes' : null }
          : null,
        registrationAlarm: registration?.alarm ?? false,
        registrationConfirmedOn: latestOf(
          row.registrationCheckedOn,
          audit?.status === 'submitted' ? londonDate(audit.visitedAt) : null,
        ),
        letterReceivedOn: letterOf.get(row.id) ?? null,
        letterRecordedAt: letterRecordedAt.get(row.id) ?? null,
        leadershipChange: leadershipChangeOf(row),
        insuranceBlocking: checkInsuranceCover(
          policies.filter((p) => p.providerId === row.id),
          today,
        )
          .filter((c) => c.blocksApproval)
          .map((c) => c.label),
        sla: sla ? { signed: Boolean(sla.signedDocumentId), endsOn: sla.endsOn } : null,
        decision: decision ? { kind: decision.kind, on: londonDate(decision.decidedAt) } : null,
      };
      return [row.id, { ...evaluateApproval(facts, today), lastAudit: audit, registration }];
    }),
  );
}

/** The later of two dates, either of which may be missing. */
function latestOf(a: string | null, b: string | null): string | null {
  if (!a || !b) return a ?? b;
  return a > b ? a : b;
}
