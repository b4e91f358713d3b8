import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-database.ts';
import { placements } from '../../placements/placements.table.ts';
import { pupils } from '../../pupils/pupils.table.ts';
import { seedLivingDemo } from './living-demo.ts';

// The demo is dated from the day Waymark starts, so it must build on any day of the year.
describe('the living demo on other days', () => {
  it.each([
    ['the third day of the autumn term', '2026-09-03T09:00:00Z'],
    ['the February half-term holiday', '2027-02-16T10:00:00Z'],
    ['the summer holiday', '2027-08-10T12:00:00Z'],
  ])(
    'builds on %s',
    async (_day, startsAt) => {
      const database = await createTestDatabase();
      try {
        expect((await seedLivingDemo(database.db, new Date(startsAt))).created).toBe(true);
        const [{ n: pupilCount }] = (await database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(pupils)) as [{ n: number }];
        const [{ n: placementCount }] = (await database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(placements)) as [{ n: number }];
        expect([pupilCount, placementCount]).toEqual([68, 45]);
      } finally {
        await database.destroy();
      }
    },
    120_000,
  );
});
