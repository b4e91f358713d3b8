/**
 * Applies the committed SQL migrations. drizzle runs all pending migrations in one transaction, so a
 * failure leaves the database exactly as it was. On a server, an advisory lock stops two Waymark
 * processes starting together from migrating at once.
 */
import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { DatabaseConnection } from './client.ts';

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
const MIGRATION_LOCK_KEY = 727_001;

export class MigrationError extends Error {
  constructor(cause: unknown) {
    const detail =
      cause instanceof Error
        ? cause.cause instanceof Error
          ? cause.cause.message
          : cause.message
        : String(cause);
    super(`Database migration failed, and the database was left as it was: ${detail}`);
    this.name = 'MigrationError';
  }
}

export async function runMigrations(
  connection: DatabaseConnection,
  { folder = migrationsFolder }: { folder?: string } = {},
): Promise<void> {
  try {
    if (connection.pglite) {
      await migratePglite(drizzlePglite({ client: connection.pglite }), { migrationsFolder: folder });
      return;
    }
    const client = await connection.pool!.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await migratePg(drizzlePg({ client }), { migrationsFolder: folder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
      client.release();
    }
  } catch (error) {
    throw new MigrationError(error);
  }
}
