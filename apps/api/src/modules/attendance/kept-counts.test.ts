/**
 * The counts kept per placement and month never drift from the marks: random inserts, corrections and
 * deletions (as the register, its corrections, first-day call closures and erasure make them) leave
 * `keptCountDifferences` empty, and a rate read through the kept counts equals one counted from the marks.
 */
import { addDays } from '@waymark/domain';
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrust } from '../../test/builders.ts';
import { staffAt } from '../../test/http-client.ts';
import { activePlacement } from '../../test/placement-builders.ts';
import { approvedProvider } from '../../test/provider-builders.ts';
import { upnFor } from '../../test/pupil-builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { placements } from '../placements/placements.table.ts';
import { attendanceMarks, attendanceMonthCounts } from './attendance.table.ts';
import { codeCounts } from './code-counts.ts';
import { keptCountDifferences, recountKeptCounts } from './kept-counts.ts';

let t: TestApp;
let placed: (typeof placements.$inferSelect)[];

beforeAll(async () => {
  t = await createTestApp();
  const trust = await buildTrust(t.database.db);
  const lead = await staffAt(t, trust.schoolA, 'ap_lead');
  const head = await staffAt(t, trust.schoolA, 'headteacher');
  const providerId = await approvedProvider(lead, head, { name: 'Harbour Learning' });
  const ids = [];
  for (const n of [1, 2]) {
    const pupil = { upn: upnFor(8100 + n), uln: undefined };
    ids.push((await activePlacement(lead, { schoolId: trust.schoolA.id, providerId, pupil })).placementId);
  }
  placed = await t.database.db.select().from(placements).where(inArray(placements.id, ids));
});
afterAll(() => t.close());

// Days from 20 Dec 2025 over four month ends (the kept counts are by calendar month).
const FIRST_DAY = '2025-12-20';
const DAYS = 100;
const codes = ['/', '\\', 'B', 'D', 'N', 'I', 'M', 'L', 'O'] as const;
const day = fc.integer({ min: 0, max: DAYS - 1 });
const which = fc.integer({ min: 0, max: 1 });
const code = fc.constantFrom(...codes);

const operation = fc.oneof(
  fc.record({
    kind: fc.constant('register' as const),
    marks: fc.array(fc.record({ which, day, pm: fc.boolean(), code }), { minLength: 1, maxLength: 12 }),
  }),
  fc.record({ kind: fc.constant('correct' as const), which, day, code }),
  fc.record({ kind: fc.constant('erase' as const), which, day, length: fc.integer({ min: 0, max: 40 }) }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

async function apply(op: Operation) {
  const db = t.database.db;
  if (op.kind === 'register') {
    // One statement for the whole register, as the portal sends it; a session already marked is left.
    await db
      .insert(attendanceMarks)
      .values(
        op.marks.map((m) => {
          const p = placed[m.which]!;
          return {
            groupId: p.groupId,
            schoolId: p.schoolId,
            providerId: p.providerId,
            placementId: p.id,
            pupilId: p.pupilId,
            date: addDays(FIRST_DAY, m.day),
            session: m.pm ? ('pm' as const) : ('am' as const),
            mark: 'present' as const,
            code: m.code,
            source: 'portal' as const,
            recordedBy: p.id,
            recordedByName: 'Provider staff',
            recordedAt: new Date(),
          };
        }),
      )
      .onConflictDoNothing();
  } else if (op.kind === 'correct') {
    // A correction, or a first-day call closed with a reason: the same marks, another code.
    await db
      .update(attendanceMarks)
      .set({ code: op.code })
      .where(
        and(
          eq(attendanceMarks.placementId, placed[op.which]!.id),
          eq(attendanceMarks.date, addDays(FIRST_DAY, op.day)),
        ),
      );
  } else {
    // Erasure or retention: a run of days' marks deleted at once.
    await db
      .delete(attendanceMarks)
      .where(
        and(
          eq(attendanceMarks.placementId, placed[op.which]!.id),
          gte(attendanceMarks.date, addDays(FIRST_DAY, op.day)),
          lte(attendanceMarks.date, addDays(FIRST_DAY, op.day + op.length)),
        ),
      );
  }
}

/** Counted straight from the marks, for comparison. */
async function countedFromMarks(from: string, to: string) {
  const rows = await t.database.db
    .select({
      id: attendanceMarks.placementId,
      code: attendanceMarks.code,
      count: sql<number>`count(*)::int`,
    })
    .from(attendanceMarks)
    .where(
      and(
        inArray(
          attendanceMarks.placementId,
          placed.map((p) => p.id),
        ),
        gte(attendanceMarks.date, from),
        lte(attendanceMarks.date, to),
      ),
    )
    .groupBy(attendanceMarks.placementId, attendanceMarks.code);
  return sorted(rows);
}

const sorted = <T extends { id: string; code: string }>(rows: T[]) =>
  [...rows].sort((a, b) => `${a.id}${a.code}`.localeCompare(`${b.id}${b.code}`));

describe('counts kept per placement and month', () => {
  it('agree with the marks after any run of registers, corrections and erasures', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(operation, { minLength: 1, maxLength: 15 }),
        fc.tuple(day, day),
        async (operations, [a, b]) => {
          await t.database.db.delete(attendanceMarks);
          for (const op of operations) await apply(op);
          expect(await keptCountDifferences(t.database.db)).toEqual([]);
          // Any period: the whole months from the kept counts and the edges from the marks add up.
          const from = addDays(FIRST_DAY, Math.min(a, b));
          const to = addDays(FIRST_DAY, Math.max(a, b));
          const read = await codeCounts(t.database.db, {
            by: 'placementId',
            where: (c) =>
              inArray(
                c.placementId,
                placed.map((p) => p.id),
              ),
            from,
            to,
          });
          expect(sorted(read)).toEqual(await countedFromMarks(from, to));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('leaves no row once a month has no marks left', async () => {
    await t.database.db.delete(attendanceMarks);
    await apply({ kind: 'register', marks: [{ which: 0, day: 0, pm: false, code: 'N' }] });
    expect(await t.database.db.select().from(attendanceMonthCounts)).toMatchObject([
      { placementId: placed[0]!.id, month: '2025-12-01', code: 'N', count: 1 },
    ]);
    await apply({ kind: 'correct', which: 0, day: 0, code: 'I' });
    expect(await t.database.db.select().from(attendanceMonthCounts)).toMatchObject([{ code: 'I', count: 1 }]);
    await apply({ kind: 'erase', which: 0, day: 0, length: 0 });
    expect(await t.database.db.select().from(attendanceMonthCounts)).toEqual([]);
  });

  it('are found out when they drift, and counted again from the marks', async () => {
    await t.database.db.delete(attendanceMarks);
    await apply({ kind: 'register', marks: [{ which: 1, day: 20, pm: true, code: 'B' }] });
    await t.database.db.update(attendanceMonthCounts).set({ count: 3 });
    expect(await keptCountDifferences(t.database.db)).toEqual([
      { placementId: placed[1]!.id, month: '2026-01-01', code: 'B', counted: 1, kept: 3 },
    ]);
    await recountKeptCounts(t.database.db);
    expect(await keptCountDifferences(t.database.db)).toEqual([]);
  });
});
