/**
 * One Database type over two drivers: PGlite (Postgres compiled to WebAssembly, in-process, the
 * embedded default) or a PostgreSQL server through node-postgres. Both speak the same SQL dialect.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Config } from '../config.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** A database or a transaction: repositories accept either, so a use case decides the transaction. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'embedded' | 'postgres';

export interface DatabaseConnection {
  db: Database;
  kind: DatabaseKind;
  /** Runs a trivial query; throws when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Raw clients, for migrations and tests. */
  pglite?: PGlite;
  pool?: pg.Pool;
}

export async function connectDatabase(
  options: Config['database'] | { kind: 'memory' },
): Promise<DatabaseConnection> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: 10, connectionTimeoutMillis: 5_000 });
    // An idle client losing its connection must not crash the process; the next query reports it.
    pool.on('error', () => {});
    const db = drizzlePg({ client: pool, schema }) as unknown as Database;
    const connection: DatabaseConnection = {
      db,
      kind: 'postgres',
      pool,
      ping: async () => {
        await pool.query('select 1');
      },
      close: () => pool.end(),
    };
    await connection.ping();
    return connection;
  }
  let pglite: PGlite;
  if (options.kind === 'embedded') {
    mkdirSync(options.dataDir, { recursive: true });
    pglite = await PGlite.create(options.dataDir);
  } else {
    pglite = await PGlite.create();
  }
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Database;
  return {
    db,
    kind: 'embedded',
    pglite,
    ping: async () => {
      await pglite.query('select 1');
    },
    close: () => pglite.close(),
  };
}

/** True when the error is Postgres refusing a duplicate on the named unique constraint or index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const e = current as { code?: string; constraint?: string; cause?: unknown };
    if (e.code === '23505' && e.constraint === constraint) return true;
    current = e.cause;
  }
  return false;
}
