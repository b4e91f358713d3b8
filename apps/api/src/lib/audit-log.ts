/**
 * Writes an audit event. Call it with the transaction that makes the change, so the change and its
 * record are committed together or not at all.
 */
import type { Database } from '../db/client.ts';
import { auditEvents } from './audit-log.table.ts';

export type Changes = Record<string, { from?: unknown; to?: unknown }>;

export interface AuditEntry {
  action: string;
  recordType: string;
  recordId?: string | null;
  schoolId?: string | null;
  summary: string;
  changes?: Changes | null;
}

export interface AuditContext {
  /** Who acted; a null userId is Waymark itself (seeding, scheduled jobs). */
  actor: { userId: string | null; displayName: string; groupId: string } | null;
  ipAddress?: string | null;
}

export async function recordAudit(db: Database, context: AuditContext, entry: AuditEntry): Promise<void> {
  await recordAudits(db, context, [entry]);
}

/** Several events by one actor in one statement, in the order given (a register's interventions, say). */
export async function recordAudits(
  db: Database,
  context: AuditContext,
  entries: AuditEntry[],
): Promise<void> {
  if (!entries.length) return;
  await db.insert(auditEvents).values(
    entries.map((entry) => ({
      groupId: context.actor?.groupId ?? null,
      actorUserId: context.actor?.userId ?? null,
      actorName: context.actor?.displayName ?? 'Not signed in',
      action: entry.action,
      recordType: entry.recordType,
      recordId: entry.recordId ?? null,
      schoolId: entry.schoolId ?? null,
      summary: entry.summary,
      changes: entry.changes ?? null,
      ipAddress: context.ipAddress ?? null,
    })),
  );
}

/** The fields that differ between two versions of a record, for the audit entry. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(after)) {
    const from = before[key];
    const to = after[key];
    if (to !== undefined && JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}
