/**
 * `npm run restore -- <file> --yes`: replaces the configured database with a backup. Asks for `--yes`
 * because everything written since the backup is replaced. Stop Waymark first.
 */
import { resolve } from 'node:path';
import { loadConfig } from '../../config.ts';
import { BackupError, restoreDatabase } from './backups.ts';

const args = process.argv.slice(2);
const file = args.find((a) => a !== '--yes');
if (!file || !args.includes('--yes')) {
  console.error(
    'Usage: npm run restore -- <backup file> --yes\nThis replaces the whole database with the backup: everything written since is lost.',
  );
  process.exit(2);
}
const { database } = loadConfig();
try {
  // npm runs this in apps/api; a relative path means where the command was typed.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const { keptAt } = await restoreDatabase(database, path, new Date());
  console.log(`Restored the ${database.kind} database from ${file}.`);
  if (keptAt) console.log(`The database as it was is kept at ${keptAt}; remove it once all is well.`);
  console.log('Start Waymark: it applies any migrations newer than the backup.');
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  process.exitCode = 1;
}
