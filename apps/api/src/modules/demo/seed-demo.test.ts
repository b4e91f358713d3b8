import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { groups } from '../organisation/organisation.table.ts';
import { users } from '../users/users.table.ts';
import { DEMO_GROUP_NAME } from './demo-trust.ts';
import { seedDemoTrust } from './seed-demo.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

describe('seeding the demo trust', () => {
  it('is safe when two processes start together: one seeds, the other finds it there', async () => {
    const now = new Date('2026-11-27T09:00:00Z');
    const results = await Promise.all([seedDemoTrust(database.db, now), seedDemoTrust(database.db, now)]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(await database.db.select().from(groups).where(eq(groups.name, DEMO_GROUP_NAME))).toHaveLength(1);
    const signIns = results[0]!.signIns;
    const seeded = await database.db.select({ email: users.email }).from(users);
    expect(seeded.map((u) => u.email).sort()).toEqual(signIns.map((s) => s.email).sort());
    expect((await seedDemoTrust(database.db, now)).created).toBe(false);
  });
});
