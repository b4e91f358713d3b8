import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { MigrationError, migrationsFolder, runMigrations } from './migrate.ts';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.destroy();
  database = undefined;
});

async function tableNames(db: TestDatabase['db']): Promise<string[]> {
  const rows = await db
    .select({ name: sql<string>`table_name` })
    .from(sql`information_schema.tables`)
    .where(sql`table_schema = 'public'`)
    .orderBy(sql`table_name`);
  return rows.map((r) => r.name);
}

/** A copy of the real migrations with one more that creates a table and then fails. */
function foldersWithBrokenMigration(): string {
  const folder = mkdtempSync(join(tmpdir(), 'waymark-migrations-'));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  const last = journal.entries.at(-1);
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: '9999_broken' });
  writeFileSync(journalPath, JSON.stringify(journal));
  writeFileSync(
    join(folder, '9999_broken.sql'),
    'CREATE TABLE "half_written" ("id" integer);\n--> statement-breakpoint\nALTER TABLE "no_such_table" ADD COLUMN "x" integer;',
  );
  return folder;
}

describe('migrations', () => {
  it('creates the schema on an empty database, and a second run changes nothing', async () => {
    database = await createTestDatabase({ migrate: false });
    await runMigrations(database);
    const tables = await tableNames(database.db);
    expect(tables).toEqual(
      expect.arrayContaining(['users', 'sessions', 'schools', 'half_terms', 'audit_events']),
    );
    await runMigrations(database);
    expect(await tableNames(database.db)).toEqual(tables);
  });

  it('a failing migration stops with a clear error and leaves the database exactly as it was', async () => {
    database = await createTestDatabase({ migrate: false });
    await runMigrations(database);
    const before = await tableNames(database.db);
    const attempt = runMigrations(database, { folder: foldersWithBrokenMigration() });
    await expect(attempt).rejects.toThrow(MigrationError);
    await expect(attempt).rejects.toThrow(/left as it was: .*no_such_table/);
    expect(await tableNames(database.db)).toEqual(before);
    expect(before).not.toContain('half_written');
  });
});
