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
import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { auditChainHead, auditEvents } from '../../lib/audit-log.table.ts';
import { startLoop } from '../../lib/background-loop.ts';
import type { Clock } from '../../lib/clock.ts';

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

/** The digest of what an event says (its summary and changes), which a format 2 link covers. */
export function contentDigestOf(row: Pick<EventRow, 'summary' | 'changes'>): string {
  return createHash('sha256')
    .update(stableJson([row.summary, row.changes]))
    .digest('hex');
}

/**
 * The hash of an event in the chain: its sequence, its previous link and everything it records. In
 * format 2 the summary and changes enter through their digest, so that redacting them later (decision
 * 0023) leaves the link intact; format 1 hashed the text itself.
 */
export function hashOfEvent(row: EventRow, chainSeq: number, prevHash: string, format: 1 | 2 = 2): string {
  const said = format === 1 ? [row.summary, row.changes] : [row.contentDigest];
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
    ...said,
    row.ipAddress,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/** Links every event not yet in the chain; returns how many. One sealer at a time. */
export async function sealAuditLog(db: Database, now: Date): Promise<number> {
  await upgradeChainFormat(db, now);
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
      // A chain begun now is format 2; one still in format 1 could not be upgraded (it is broken).
      const format = (head?.format ?? 2) as 1 | 2;
      let seq = head?.lastSeq ?? 0;
      let prev = head?.lastHash ?? GENESIS_HASH;
      const links = pending.map((row) => {
        seq += 1;
        const digest = contentDigestOf(row);
        const hash = hashOfEvent({ ...row, contentDigest: digest }, seq, prev, format);
        const link = { id: row.id, seq, prev, hash, digest };
        prev = hash;
        return link;
      });
      await writeLinks(tx, links);
      await tx
        .insert(auditChainHead)
        .values({ id: 1, lastSeq: seq, lastHash: prev, sealedAt: now, format })
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

type Link = { id: number; seq: number; prev: string; hash: string; digest: string };

async function writeLinks(tx: Database, links: Link[]) {
  await tx.execute(sql`
    update audit_events as e
       set chain_seq = v.seq, prev_hash = v.prev, hash = v.hash, content_digest = v.digest
      from (values ${sql.join(
        links.map((l) => sql`(${l.id}::bigint, ${l.seq}::bigint, ${l.prev}, ${l.hash}, ${l.digest})`),
        sql`, `,
      )}) as v(id, seq, prev, hash, digest)
     where e.id = v.id`);
}

/**
 * A chain sealed in format 1 (before redaction existed) is checked and, if intact, sealed again in
 * format 2 from its first link, once; the event recording it carries the old head's hash, so a hash
 * noted outside Waymark before the upgrade can still be matched. A broken chain is left as it is.
 */
async function upgradeChainFormat(db: Database, now: Date) {
  const [head] = await db.select().from(auditChainHead);
  if (head?.format !== 1) return;
  const check = await walkChain(db, 1);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEALER_LOCK})`);
    const [current] = await tx.select().from(auditChainHead);
    if (
      current?.format !== 1 ||
      !check.intact ||
      current.lastSeq !== check.lastSeq ||
      current.lastHash !== check.lastHash
    )
      return;
    let prev = GENESIS_HASH;
    for (let from = 0; ; ) {
      const page = await tx
        .select()
        .from(auditEvents)
        .where(gt(auditEvents.chainSeq, from))
        .orderBy(asc(auditEvents.chainSeq))
        .limit(BATCH);
      if (!page.length) break;
      const links = page.map((row) => {
        const digest = contentDigestOf(row);
        const hash = hashOfEvent({ ...row, contentDigest: digest }, row.chainSeq!, prev, 2);
        const link = { id: row.id, seq: row.chainSeq!, prev, hash, digest };
        prev = hash;
        return link;
      });
      await writeLinks(tx, links);
      from = page.at(-1)!.chainSeq!;
    }
    await tx.update(auditChainHead).set({ lastHash: prev, format: 2, sealedAt: now });
    await tx.insert(auditEvents).values({
      occurredAt: now,
      actorName: 'Waymark',
      action: 'audit_log.chain_upgraded',
      recordType: 'audit_log',
      summary: `The audit chain was checked intact and sealed again in format 2 (decision 0023): its last link ${current.lastSeq} was ${current.lastHash}, now ${prev}`,
    });
  });
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
  const [head] = await db.select().from(auditChainHead);
  const { breaks, checked, lastSeq, lastHash, report } = await walkChain(db, (head?.format ?? 2) as 1 | 2);
  if (head && (head.lastSeq !== lastSeq || head.lastHash !== lastHash))
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

/**
 * Every event's hash must match its content, every link must point at the event before it and no
 * sequence number may be missing. In format 2 an event's text must match the digest it was sealed
 * with, unless it was redacted (then the digest stands for what it said).
 */
async function walkChain(db: Database, format: 1 | 2) {
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
      const textChanged =
        format === 2 && row.redactedAt === null && contentDigestOf(row) !== row.contentDigest;
      if (textChanged || hashOfEvent(row, seq, row.prevHash ?? '', format) !== row.hash)
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
  return { breaks, report, checked, lastSeq: expectedSeq - 1, lastHash: prev, intact: breaks.length === 0 };
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

/**
 * After a pupil's record is deleted, in the same transaction: the events about their records, or
 * naming them, say only that. The chain still verifies: a link covers the digest of what the event
 * said, which is kept (decision 0023).
 */
export async function redactEventsAbout(
  tx: Database,
  { groupId, recordIds, texts, on }: { groupId: string; recordIds: string[]; texts: string[]; on: Date },
): Promise<number> {
  if (!recordIds.length && !texts.some((t) => t.trim().length >= 3)) return 0;
  const mentions = texts.filter((t) => t.trim().length >= 3).map((t) => `%${t.replace(/[%_\\]/g, '\\$&')}%`);
  const redacted = await tx
    .update(auditEvents)
    .set({
      summary: 'Redacted: this event was about a pupil whose record has been deleted',
      changes: null,
      redactedAt: on,
    })
    .where(
      and(
        eq(auditEvents.groupId, groupId),
        isNull(auditEvents.redactedAt),
        or(
          recordIds.length ? inArray(auditEvents.recordId, recordIds) : undefined,
          mentions.length
            ? sql`${auditEvents.summary} ilike any (array[${sql.join(
                mentions.map((m) => sql`${m}`),
                sql`, `,
              )}]::text[])`
            : undefined,
        ),
      ),
    )
    .returning({ id: auditEvents.id });
  return redacted.length;
}
