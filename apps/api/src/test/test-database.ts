/**
 * A real, empty, migrated database for one test file: in-memory PGlite by default, or a fresh
 * database on the PostgreSQL server named by TEST_DATABASE_URL (created here, dropped on close).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectDatabase, type DatabaseConnection } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { ensureReferenceData } from '../modules/calendar/reference-data.ts';

export interface TestDatabase extends DatabaseConnection {
  /** Drops a server database created for the test; closes the connection either way. */
  destroy(): Promise<void>;
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let connection: DatabaseConnection;
  let drop: (() => Promise<void>) | undefined;
  if (serverUrl) {
    const name = `waymark_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    connection = await connectDatabase({ kind: 'postgres', url: url.toString() });
    drop = async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    };
  } else {
    connection = await connectDatabase({ kind: 'memory' });
  }
  if (options.migrate !== false) {
    await runMigrations(connection);
    await ensureReferenceData(connection.db);
  }
  return {
    ...connection,
    destroy: async () => {
      await connection.close().catch(() => {});
      await drop?.();
    },
  };
}
