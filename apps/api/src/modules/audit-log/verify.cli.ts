/**
 * `npm run audit:verify`: seals waiting events, checks the whole audit log's hash chain and prints the
 * result; exits 1 if any event was changed, removed or inserted. With the embedded database, stop
 * Waymark first (one process at a time may open it) or use Administration → Audit log instead.
 */
import { loadConfig } from '../../config.ts';
import { connectDatabase } from '../../db/client.ts';
import { runMigrations } from '../../db/migrate.ts';
import { verifyAuditLog } from './audit-chain.ts';

const connection = await connectDatabase(loadConfig().database);
try {
  await runMigrations(connection);
  const result = await verifyAuditLog(connection.db, new Date());
  if (result.intact) {
    console.log(`The audit log is intact: ${result.checked} events checked.`);
    if (result.head) console.log(`Last link: event ${result.head.seq} of the chain, ${result.head.hash}`);
  } else {
    console.error(`The audit log has been tampered with: ${result.breaks.length} breaks found.`);
    for (const b of result.breaks) console.error(`- ${b.detail}`);
    process.exitCode = 1;
  }
} finally {
  await connection.close();
}
