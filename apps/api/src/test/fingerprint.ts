/** Every table's rows, hashed: equal before and after means a request wrote nothing anywhere. */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';

// Sessions are touched by reads and the audit log is sealed in the background; neither holds data a request changes.
const UNTRACKED = new Set(['sessions', 'audit_chain_head']);

/** `every` includes the tables a request may touch in passing (for comparing a whole database, as a backup). */
export async function databaseFingerprint(db: Database, { every = false } = {}): Promise<string> {
  const run = async (query: ReturnType<typeof sql>) => {
    const result = (await db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
    return result.rows;
  };
  const tables = await run(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    if (!every && UNTRACKED.has(String(name))) continue;
    const [row] = await run(
      sql`select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from ${sql.identifier(String(name))} t`,
    );
    parts.push(`${name}:${row!.n}:${row!.h}`);
  }
  return parts.join('\n');
}
