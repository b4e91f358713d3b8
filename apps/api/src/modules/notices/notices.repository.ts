/** The notices feature's front door: what providers told the school, as the providers and warnings features read it. */
import type { ProviderNoticeKind } from '@waymark/domain';
import { and, desc, eq, gte, inArray, max } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { providerNotices } from './notices.table.ts';

/** Each provider's latest notice of one of these kinds. */
export function latestNoticesOf(
  db: Database,
  providerIds: readonly string[],
  kinds: readonly ProviderNoticeKind[],
) {
  if (!providerIds.length) return Promise.resolve([]);
  return db
    .selectDistinctOn([providerNotices.providerId], {
      providerId: providerNotices.providerId,
      kind: providerNotices.kind,
      reportedAt: providerNotices.reportedAt,
    })
    .from(providerNotices)
    .where(
      and(inArray(providerNotices.providerId, [...providerIds]), inArray(providerNotices.kind, [...kinds])),
    )
    .orderBy(providerNotices.providerId, desc(providerNotices.reportedAt));
}

/** The day each provider's latest notice of this kind took effect. */
export function lastNoticeDates(db: Database, providerIds: readonly string[], kind: ProviderNoticeKind) {
  if (!providerIds.length) return Promise.resolve([]);
  return db
    .select({ providerId: providerNotices.providerId, on: max(providerNotices.effectiveOn) })
    .from(providerNotices)
    .where(and(inArray(providerNotices.providerId, [...providerIds]), eq(providerNotices.kind, kind)))
    .groupBy(providerNotices.providerId);
}

/** The notices these providers gave that take effect on or after a day. */
export function noticesEffectiveSince(db: Database, providerIds: readonly string[], since: string) {
  if (!providerIds.length) return Promise.resolve([]);
  return db
    .select({
      providerId: providerNotices.providerId,
      kind: providerNotices.kind,
      effectiveOn: providerNotices.effectiveOn,
      reportedAt: providerNotices.reportedAt,
    })
    .from(providerNotices)
    .where(
      and(inArray(providerNotices.providerId, [...providerIds]), gte(providerNotices.effectiveOn, since)),
    );
}
