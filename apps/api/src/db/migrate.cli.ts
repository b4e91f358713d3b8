/** `npm run db:migrate`: applies pending migrations to the configured database and exits. */
import { loadConfig } from '../config.ts';
import { connectDatabase } from './client.ts';
import { MigrationError, runMigrations } from './migrate.ts';

const config = loadConfig();
const connection = await connectDatabase(config.database);
try {
  await runMigrations(connection);
  console.log(`Migrations applied (${connection.kind} database).`);
} catch (error) {
  console.error(error instanceof MigrationError ? error.message : error);
  process.exitCode = 4;
} finally {
  await connection.close();
}
