/**
 * The tamper-evident audit log (decision 0014). Events are written as before, in the transaction of
 * the change; a sealer then links them, in the order it finds them, into one chain: each event's hash
 * covers its content and the hash before it, and the chain's head is kept in its own table. Changing,
 * removing or inserting an event afterwards breaks a link, and verification reports where.
 *
 * Sealing after the write, rather than in it, keeps writers from queueing on the chain's head: an event
 * whose transaction commits late is simply sealed in a later round.
 */
import { createHash } from 'node:crypto';
import { and, asc, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { startLoop } from '../../lib/background-loop.ts';
import type { Clock } from '../../lib/clock.ts';
import { auditChainHead, auditEvents } from './audit-log.table.ts';

export const GENESIS_HASH = '0'.repeat(64);
const BATCH = 2_000;
/** Any fixed number: the sealers of several processes take turns on it. */
const SEALER_LOCK = 7_242_001;

type EventRow = typeof auditEvents.$inferSelect;

/** JSON with keys in sorted order at every depth, so the same content always hashes the same. */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

/** The hash of an event in the chain: its sequence, its previous link and everything it records. */
export function hashOfEvent(row: EventRow, chainSeq: number, prevHash: string): string {
  const content = stableJson([
    chainSeq,
    row.id,
    row.occurredAt.toISOString(),
    row.groupId,
    row.actorUserId,
    row.actorName,
    row.action,
    row.recordType,
    row.recordId,
    row.schoolId,
    row.summary,
    row.changes,
    row.ipAddress,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/** Links every event not yet in the chain; returns how many. One sealer at a time. */
export async function sealAuditLog(db: Database, now: Date): Promise<number> {
  let sealed = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SEALER_LOCK})`);
      const pending = await tx
        .select()
        .from(auditEvents)
        .where(isNull(auditEvents.chainSeq))
        .orderBy(asc(auditEvents.id))
        .limit(BATCH);
      if (!pending.length) return 0;
      const [head] = await tx.select().from(auditChainHead);
      let seq = head?.lastSeq ?? 0;
      let prev = head?.lastHash ?? GENESIS_HASH;
      const links = pending.map((row) => {
        seq += 1;
        const hash = hashOfEvent(row, seq, prev);
        const link = { id: row.id, seq, prev, hash };
        prev = hash;
        return link;
      });
      await tx.execute(sql`
        update audit_events as e
           set chain_seq = v.seq, prev_hash = v.prev, hash = v.hash
          from (values ${sql.join(
            links.map((l) => sql`(${l.id}::bigint, ${l.seq}::bigint, ${l.prev}, ${l.hash})`),
            sql`, `,
          )}) as v(id, seq, prev, hash)
         where e.id = v.id`);
      await tx
        .insert(auditChainHead)
        .values({ id: 1, lastSeq: seq, lastHash: prev, sealedAt: now })
        .onConflictDoUpdate({
          target: auditChainHead.id,
          set: { lastSeq: seq, lastHash: prev, sealedAt: now },
        });
      return links.length;
    });
    sealed += done;
    if (done < BATCH) return sealed;
  }
}

export type ChainBreak = {
  chainSeq: number;
  eventId: number | null;
  problem: 'changed' | 'link_broken' | 'missing' | 'head_mismatch';
  detail: string;
};

export interface ChainVerification {
  intact: boolean;
  /** Events checked, and the chain's last link (worth writing down: it anchors everything before it). */
  checked: number;
  head: { seq: number; hash: string } | null;
  breaks: ChainBreak[];
}

/**
 * Seals what is waiting, then walks the whole chain: every event's hash must match its content, every
 * link must point at the event before it, no sequence number may be missing, and the head must be the
 * last event. Reports at most the first 100 breaks.
 */
export async function verifyAuditLog(db: Database, now: Date): Promise<ChainVerification> {
  await sealAuditLog(db, now);
  const breaks: ChainBreak[] = [];
  const report = (b: ChainBreak) => {
    if (breaks.length < 100) breaks.push(b);
  };
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditEvents)
      .where(and(gt(auditEvents.chainSeq, expectedSeq - 1)))
      .orderBy(asc(auditEvents.chainSeq))
      .limit(BATCH);
    for (const row of page) {
      const seq = row.chainSeq!;
      if (seq !== expectedSeq)
        report({
          chainSeq: expectedSeq,
          eventId: null,
          problem: 'missing',
          detail: `Events ${expectedSeq} to ${seq - 1} of the chain are missing`,
        });
      if (row.prevHash !== prev)
        report({
          chainSeq: seq,
          eventId: row.id,
          problem: 'link_broken',
          detail: `Event ${row.id} does not follow the event before it in the chain`,
        });
      if (hashOfEvent(row, seq, row.prevHash ?? '') !== row.hash)
        report({
          chainSeq: seq,
          eventId: row.id,
          problem: 'changed',
          detail: `Event ${row.id} (${row.action}, ${row.occurredAt.toISOString()}) has been changed since it was sealed`,
        });
      prev = row.hash ?? '';
      expectedSeq = seq + 1;
      checked++;
    }
    if (page.length < BATCH) break;
  }
  const [head] = await db.select().from(auditChainHead);
  const lastSeq = expectedSeq - 1;
  if (head && (head.lastSeq !== lastSeq || head.lastHash !== prev))
    report({
      chainSeq: head.lastSeq,
      eventId: null,
      problem: 'head_mismatch',
      detail:
        head.lastSeq > lastSeq
          ? `The chain should run to event ${head.lastSeq} but ends at ${lastSeq}: events at its end were removed`
          : `The chain's recorded end (${head.lastSeq}) does not match its last event (${lastSeq})`,
    });
  return {
    intact: breaks.length === 0,
    checked,
    head: head ? { seq: head.lastSeq, hash: head.lastHash } : null,
    breaks,
  };
}

/** Seals new events every few seconds, so little is ever waiting outside the chain. */
export function startAuditSealing({
  db,
  clock,
  log,
  everySeconds = 15,
}: {
  db: Database;
  clock: Clock;
  log: { error(object: unknown, message: string): void };
  everySeconds?: number;
}): { stop(): Promise<void> } {
  return startLoop({
    everyMs: everySeconds * 1000,
    runAtStart: true,
    pass: () => sealAuditLog(db, clock()),
    failure: 'Sealing the audit log failed',
    log,
  });
}
