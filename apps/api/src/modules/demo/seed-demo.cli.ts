/** `npm run seed:demo`: adds the living demo trust to the configured database (embedded or server). */
import { loadConfig } from '../../config.ts';
import { connectDatabase } from '../../db/client.ts';
import { runMigrations } from '../../db/migrate.ts';
import { ensureReferenceData } from '../calendar/reference-data.ts';
import { seedLivingDemo } from './living/living-demo.ts';
import { printDemoSignIns } from './print-sign-ins.ts';

const config = loadConfig();
const connection = await connectDatabase(config.database);
try {
  await runMigrations(connection);
  await ensureReferenceData(connection.db);
  const result = await seedLivingDemo(connection.db, config.clockStartsAt ?? new Date(), config.publicUrl);
  console.log(result.created ? 'Demo trust created.' : 'The demo trust is already there; nothing changed.');
  printDemoSignIns(result.signIns);
} finally {
  await connection.close();
}
