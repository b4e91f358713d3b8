import { and, asc, desc, eq, gte, ilike, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor, Reach } from '../../lib/actor.ts';
import { auditEvents } from '../../lib/audit-log.table.ts';
import { offsetOf, type PageQuery } from '../../lib/pagination.ts';
import { containsPattern } from '../../lib/search.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';

export interface AuditFilters {
  action?: string | undefined;
  recordType?: string | undefined;
  actorUserId?: string | undefined;
  schoolId?: string | undefined;
  search?: string | undefined;
  /** Inclusive dates in Europe/London. */
  from?: string | undefined;
  to?: string | undefined;
}

export function createAuditRepository({ db }: { db: Database }) {
  /** A group-wide reach sees the group's events; a school reach only events tied to its schools. */
  function inReach(actor: Actor, reach: Reach): SQL {
    const inGroup = eq(auditEvents.groupId, actor.groupId);
    if (reach.wholeGroup) return inGroup;
    return and(inGroup, schoolColumnInReach(db, actor, reach, auditEvents.schoolId))!;
  }

  function londonDayStart(date: string): SQL {
    return sql`(${date}::date)::timestamp at time zone 'Europe/London'`;
  }

  return {
    async list(actor: Actor, reach: Reach, filters: AuditFilters, page: PageQuery) {
      const conditions = [
        inReach(actor, reach),
        filters.action ? eq(auditEvents.action, filters.action) : undefined,
        filters.recordType ? eq(auditEvents.recordType, filters.recordType) : undefined,
        filters.actorUserId ? eq(auditEvents.actorUserId, filters.actorUserId) : undefined,
        filters.schoolId ? eq(auditEvents.schoolId, filters.schoolId) : undefined,
        filters.from ? gte(auditEvents.occurredAt, londonDayStart(filters.from)) : undefined,
        filters.to
          ? lt(auditEvents.occurredAt, sql`${londonDayStart(filters.to)} + interval '1 day'`)
          : undefined,
        filters.search
          ? or(
              ilike(auditEvents.summary, containsPattern(filters.search)),
              ilike(auditEvents.actorName, containsPattern(filters.search)),
            )
          : undefined,
      ];
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(auditEvents)
          .where(where)
          .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
          .limit(page.pageSize)
          .offset(offsetOf(page)),
        db.select({ value: sql<number>`count(*)::int` }).from(auditEvents).where(where),
      ]);
      return { rows, total: total?.value ?? 0 };
    },

    async actions(actor: Actor, reach: Reach) {
      const rows = await db
        .selectDistinct({ action: auditEvents.action })
        .from(auditEvents)
        .where(inReach(actor, reach))
        .orderBy(auditEvents.action);
      return rows.map((r) => r.action);
    },
  };
}

/**
 * What the audit log holds about one record, oldest first (or newest first, up to a limit), leaving out
 * the given actions: a placement's timeline, a pupil's "who looked at this record".
 */
export function eventsAbout(
  db: Database,
  {
    recordType,
    recordId,
    except,
    newestFirst,
    limit,
  }: {
    recordType: string;
    recordId: string;
    except?: string;
    newestFirst?: boolean;
    limit?: number;
  },
) {
  const query = db
    .select({
      occurredAt: auditEvents.occurredAt,
      actorName: auditEvents.actorName,
      action: auditEvents.action,
      summary: auditEvents.summary,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.recordType, recordType),
        eq(auditEvents.recordId, recordId),
        except ? ne(auditEvents.action, except) : undefined,
      ),
    )
    .orderBy(
      ...(newestFirst
        ? [desc(auditEvents.occurredAt), desc(auditEvents.id)]
        : [asc(auditEvents.occurredAt), asc(auditEvents.id)]),
    );
  return limit ? query.limit(limit) : query;
}
