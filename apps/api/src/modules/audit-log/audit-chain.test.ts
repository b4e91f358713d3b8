import { asc, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditChainHead, auditEvents } from '../../lib/audit-log.table.ts';
import { buildTrust, buildUser } from '../../test/builders.ts';
import { signedInClient, type TestClient } from '../../test/http-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { GENESIS_HASH, hashOfEvent, sealAuditLog, verifyAuditLog } from './audit-chain.ts';

let t: TestApp;
let admin: TestClient;
let trust: Awaited<ReturnType<typeof buildTrust>>;
const now = new Date('2026-01-12T09:30:00Z');

// Each test tampers with its own log: a new database for each.
beforeEach(async () => {
  t = await createTestApp();
  trust = await buildTrust(t.database.db);
  admin = await signedInClient(t.app, trust.admin.email);
  // A few events of different kinds: sign-ins, a school's term dates, a user.
  await buildUser(t.database.db, {
    groupId: trust.group.id,
    roles: [{ role: 'headteacher', scopeType: 'school', scopeId: trust.schoolA.id }],
  });
  await admin.get('/api/audit-log');
});
afterEach(() => t.close());

const run = (query: ReturnType<typeof sql>) => t.database.db.execute(query);
const verification = async () => (await admin.get('/api/audit-log/verification')).json();

describe('the tamper-evident audit log', () => {
  it('seals events into a chain that verifies, from the page and in code', async () => {
    const sealed = await sealAuditLog(t.database.db, now);
    expect(sealed).toBeGreaterThan(0);
    expect(await sealAuditLog(t.database.db, now)).toBe(0);
    const result = await verification();
    expect(result).toMatchObject({ intact: true, breaks: [] });
    expect(result.checked).toBeGreaterThanOrEqual(sealed);
    expect(result.head.hash).toMatch(/^[0-9a-f]{64}$/);
    // Checking is itself recorded, and sealed at the next check.
    const again = await verifyAuditLog(t.database.db, now);
    expect(again.checked).toBe(result.checked + 1);
  });

  it('reports an event changed after it was sealed', async () => {
    await sealAuditLog(t.database.db, now);
    await run(sql`update audit_events set summary = summary || ' (edited)' where chain_seq = 2`);
    const result = await verification();
    expect(result.intact).toBe(false);
    expect(result.breaks).toEqual([
      expect.objectContaining({
        chainSeq: 2,
        problem: 'changed',
        detail: expect.stringContaining('changed'),
      }),
    ]);
    await run(sql`update audit_events set summary = left(summary, length(summary) - 9) where chain_seq = 2`);
    expect((await verification()).intact).toBe(true);
  });

  it('reports an event removed from the middle, and from the end', async () => {
    await sealAuditLog(t.database.db, now);
    // Each check is recorded and sealed at the next: a chain long enough to have a middle.
    for (const _ of [1, 2, 3]) expect((await verification()).intact).toBe(true);
    expect((await verifyAuditLog(t.database.db, now)).head!.seq).toBeGreaterThan(3);
    await run(sql`delete from audit_events where chain_seq = 3`);
    let result = await verification();
    expect(result.breaks.map((b: { problem: string }) => b.problem)).toEqual(['missing', 'link_broken']);
    const last = (await verifyAuditLog(t.database.db, now)).head!.seq;
    await run(sql`delete from audit_events where chain_seq = ${last}`);
    result = await verifyAuditLog(t.database.db, now);
    expect(result.breaks.at(-1)).toMatchObject({ problem: 'head_mismatch' });
  });

  it('is for administrators only', async () => {
    const head = await buildUser(t.database.db, {
      groupId: trust.group.id,
      roles: [{ role: 'headteacher', scopeType: 'school', scopeId: trust.schoolA.id }],
    });
    const client = await signedInClient(t.app, head.email);
    expect((await client.get('/api/audit-log/verification')).statusCode).toBe(403);
  });
});

describe('a chain sealed before redaction existed (format 1)', () => {
  /** Rewrites the sealed chain as an older Waymark sealed it: links over the text itself. */
  async function asFormat1() {
    await sealAuditLog(t.database.db, now);
    const rows = await t.database.db.select().from(auditEvents).orderBy(asc(auditEvents.chainSeq));
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const hash = hashOfEvent(row, row.chainSeq!, prev, 1);
      await t.database.db
        .update(auditEvents)
        .set({ prevHash: prev, hash, contentDigest: null })
        .where(eq(auditEvents.id, row.id));
      prev = hash;
    }
    await t.database.db.update(auditChainHead).set({ lastHash: prev, format: 1 });
    return prev;
  }

  it('is checked and sealed again in format 2 once, keeping the old head in the record of it', async () => {
    const oldHead = await asFormat1();
    const result = await verifyAuditLog(t.database.db, now);
    expect(result).toMatchObject({ intact: true, breaks: [] });
    const [head] = await t.database.db.select().from(auditChainHead);
    expect(head).toMatchObject({ format: 2 });
    const [upgrade] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'audit_log.chain_upgraded'));
    expect(upgrade?.summary).toContain(oldHead);
    expect(await sealAuditLog(t.database.db, now)).toBe(0); // once
  });

  it('is left as it is when it is broken, and the break is still reported', async () => {
    await asFormat1();
    await run(sql`update audit_events set summary = summary || ' (edited)' where chain_seq = 2`);
    const result = await verifyAuditLog(t.database.db, now);
    expect(result.breaks).toEqual([expect.objectContaining({ chainSeq: 2, problem: 'changed' })]);
    const [head] = await t.database.db.select().from(auditChainHead);
    expect(head).toMatchObject({ format: 1 });
  });
});
