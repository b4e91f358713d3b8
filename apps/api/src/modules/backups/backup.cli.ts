/** `npm run backup [-- <file>]`: a backup of the configured database (stop Waymark first if embedded). */
import { resolve } from 'node:path';
import { loadConfig } from '../../config.ts';
import { BackupError, backupDatabase, defaultBackupFile } from './backups.ts';

const { database } = loadConfig();
// npm runs this in apps/api; a relative path means where the command was typed.
const file = resolve(
  process.env.INIT_CWD ?? process.cwd(),
  process.argv[2] ?? defaultBackupFile(database, new Date()),
);
try {
  const { bytes } = await backupDatabase(database, file);
  console.log(`Backed up the ${database.kind} database to ${file} (${Math.ceil(bytes / 1024)} KB).`);
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  process.exitCode = 1;
}
