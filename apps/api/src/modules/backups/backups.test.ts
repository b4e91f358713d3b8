import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../db/client.ts';
import { createFreshDatabase } from '../../db/fresh-database.ts';
import { runMigrations } from '../../db/migrate.ts';
import { buildTrust } from '../../test/builders.ts';
import { databaseFingerprint } from '../../test/fingerprint.ts';
import { backupDatabase, restoreDatabase } from './backups.ts';

const work = mkdtempSync(join(tmpdir(), 'waymark-backups-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Database = Parameters<typeof buildTrust>[0];
const schoolNames = async (db: Database) =>
  (
    (await db.execute(sql`select name from schools order by name`)) as unknown as { rows: { name: string }[] }
  ).rows.map((r) => r.name);

/** Data in, a backup, a loss (schools renamed, a user removed), a restore: every row of every table as it was. */
async function roundTrip(
  database: { kind: 'embedded'; dataDir: string } | { kind: 'postgres'; url: string },
  file: string,
) {
  let connection = await connectDatabase(database);
  await runMigrations(connection);
  await buildTrust(connection.db);
  const before = await schoolNames(connection.db);
  const everything = await databaseFingerprint(connection.db, { every: true });
  await connection.close();

  const { bytes } = await backupDatabase(database, file);
  expect(bytes).toBeGreaterThan(1000);

  connection = await connectDatabase(database);
  await connection.db.execute(
    sql`update schools set name = 'Renamed by mistake' where name = 'Alder School'`,
  );
  await connection.db.execute(sql`update schools set name = 'Also renamed' where name = 'Birch School'`);
  await connection.db.execute(sql`delete from role_assignments`);
  expect(await schoolNames(connection.db)).not.toEqual(before);
  await connection.close();

  const restored = await restoreDatabase(database, file, new Date());
  connection = await connectDatabase(database);
  expect(await schoolNames(connection.db)).toEqual(before);
  expect(await databaseFingerprint(connection.db, { every: true })).toBe(everything);
  await connection.close();
  return restored;
}

describe('backups', () => {
  it('restores the embedded database to what the backup held, keeping the old one aside', async () => {
    const dataDir = join(work, 'pglite');
    const { keptAt } = await roundTrip({ kind: 'embedded', dataDir }, join(work, 'embedded.tar.gz'));
    expect(keptAt).toMatch(/pglite\.before-restore-/);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'restores a PostgreSQL server database from a pg_dump backup',
    async () => {
      const fresh = await createFreshDatabase(process.env.TEST_DATABASE_URL!, 'waymark_backup');
      try {
        await roundTrip({ kind: 'postgres', url: fresh.url }, join(work, 'server.dump'));
      } finally {
        await fresh.drop();
      }
    },
  );

  it('says clearly when there is nothing to restore from', async () => {
    await expect(
      restoreDatabase(
        { kind: 'embedded', dataDir: join(work, 'none') },
        join(work, 'missing.tar.gz'),
        new Date(),
      ),
    ).rejects.toThrow('There is no backup file at');
  });
});
