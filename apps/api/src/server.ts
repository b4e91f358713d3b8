/**
 * Starts Waymark: configuration, database, migrations, reference and demo data, then the HTTP server.
 * Each step that can fail says what went wrong in a sentence and exits with its own code.
 */
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { connectDatabase, type DatabaseConnection } from './db/client.ts';
import { MigrationError, runMigrations } from './db/migrate.ts';
import { clockStartingAt, systemClock } from './lib/clock.ts';
import { safeError } from './lib/logging.ts';
import { startAuditSealing } from './modules/audit-log/audit-chain.ts';
import { ensureReferenceData } from './modules/calendar/reference-data.ts';
import { seedLivingDemo } from './modules/demo/living/living-demo.ts';
import { printDemoSignIns } from './modules/demo/print-sign-ins.ts';
import { startEmailDelivery } from './modules/notifications/delivery.ts';
import { createMailer } from './modules/notifications/mailer.ts';
import { startReminders } from './modules/notifications/renewal-reminders.ts';

export const EXIT = { config: 2, databaseUnreachable: 3, migrationFailed: 4, other: 1 } as const;

function fail(message: string, code: number): never {
  console.error(`\n${message}\n`);
  process.exit(code);
}

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, EXIT.config);
    throw error;
  }

  let connection: DatabaseConnection;
  try {
    connection = await connectDatabase(config.database);
  } catch (error) {
    const where =
      config.database.kind === 'postgres'
        ? 'the PostgreSQL server in DATABASE_URL'
        : `the embedded database in ${config.database.dataDir}`;
    fail(
      `Waymark cannot start: it cannot reach ${where} (${(error as Error).message}).`,
      EXIT.databaseUnreachable,
    );
  }

  try {
    await runMigrations(connection);
  } catch (error) {
    await connection.close().catch(() => {});
    if (error instanceof MigrationError) fail(`Waymark cannot start. ${error.message}`, EXIT.migrationFailed);
    throw error;
  }

  const clock = config.clockStartsAt ? clockStartingAt(config.clockStartsAt) : systemClock;
  await ensureReferenceData(connection.db);
  const demo = config.seedDemo ? await seedLivingDemo(connection.db, clock(), config.publicUrl) : null;

  const app = await buildApp({ config, db: connection.db, connection, clock });
  if (config.clockStartsAt)
    app.log.warn(`The clock was set to start at ${config.clockStartsAt.toISOString()}`);
  const mailer = createMailer(config.mail);
  const delivery = mailer
    ? startEmailDelivery({
        db: connection.db,
        mailer,
        clock,
        everySeconds: config.mail.pollSeconds,
        log: app.log,
      })
    : null;
  if (!mailer) app.log.info('No SMTP_URL: emails wait in the outbox (Administration → Outbox)');
  const reminders = startReminders({ db: connection.db, clock, publicUrl: config.publicUrl, log: app.log });
  const sealing = startAuditSealing({ db: connection.db, clock, log: app.log });
  const shutdown = async (signal: string) => {
    app.log.info(`${signal} received: finishing requests and closing`);
    await app.close();
    await reminders.stop();
    await sealing.stop();
    await delivery?.stop();
    await connection.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = ['0.0.0.0', '127.0.0.1', '::', '::1'].includes(config.host) ? 'localhost' : config.host;
  console.log(`\nWaymark is running at http://${shownHost}:${port} (database: ${connection.kind})`);
  if (demo) printDemoSignIns(demo.signIns);
}

main().catch((error) => {
  // Only what failed and where: an error from a query would otherwise print its parameters.
  console.error('Waymark stopped on an unexpected error:', JSON.stringify(safeError(error), null, 2));
  process.exit(EXIT.other);
});
