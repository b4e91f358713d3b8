/**
 * `npm run trust:create -- --name "Northway Learning Trust" --admin-email it@northway.org.uk --admin-name "Amira Khan"`
 * Creates a trust and its first administrator on the configured database. The password is generated
 * and printed once unless WAYMARK_ADMIN_PASSWORD is set.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { connectDatabase } from '../../db/client.ts';
import { runMigrations } from '../../db/migrate.ts';
import { ensureReferenceData } from '../calendar/reference-data.ts';
import { createTrust, createTrustInputSchema } from './create-trust.ts';

const { values } = parseArgs({
  options: { name: { type: 'string' }, 'admin-email': { type: 'string' }, 'admin-name': { type: 'string' } },
});
const input = createTrustInputSchema.safeParse({
  trustName: values.name,
  adminEmail: values['admin-email'],
  adminName: values['admin-name'],
  adminPassword: process.env.WAYMARK_ADMIN_PASSWORD || undefined,
});
if (!input.success) {
  console.error(
    'Usage: npm run trust:create -- --name "Trust name" --admin-email you@trust.org.uk --admin-name "Your Name"',
  );
  for (const issue of input.error.issues)
    console.error(`  ${issue.path.join('.') || 'input'}: ${issue.message}`);
  process.exit(2);
}

const connection = await connectDatabase(loadConfig().database);
try {
  await runMigrations(connection);
  await ensureReferenceData(connection.db);
  const created = await createTrust(connection.db, input.data);
  console.log(`Created ${input.data.trustName}. Sign in as ${input.data.adminEmail}`);
  if (created.generated)
    console.log(`with the password ${created.password} (shown once: change it under Your account).`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await connection.close();
}
