/**
 * A real, empty, migrated database for one test file: in-memory PGlite by default, or a fresh
 * database on the PostgreSQL server named by TEST_DATABASE_URL (created here, dropped on close).
 */
import { connectDatabase, type DatabaseConnection } from '../db/client.ts';
import { createFreshDatabase } from '../db/fresh-database.ts';
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
    const fresh = await createFreshDatabase(serverUrl, 'waymark_test');
    connection = await connectDatabase({ kind: 'postgres', url: fresh.url });
    drop = fresh.drop;
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
