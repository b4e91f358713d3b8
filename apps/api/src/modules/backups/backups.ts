/**
 * Backups of the whole database and restoring one (decision 0016). A PostgreSQL server is dumped with
 * pg_dump's custom format and restored with pg_restore in one transaction; the embedded database is
 * saved as a compressed copy of its data directory and restored into a fresh one, the old directory
 * kept beside it. Waymark itself must be stopped while the embedded database is backed up or restored:
 * only one process may open it.
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../../config.ts';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new BackupError(
          error.code === 'ENOENT'
            ? `${command} is not installed: install the PostgreSQL client tools (version 15 or later) to back up a server.`
            : `${command} could not start: ${error.message}`,
        ),
      ),
    );
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new BackupError(`${command} failed: ${stderr.trim() || `exit code ${code}`}`)),
    );
  });
}

/** The file name a backup gets when none is given: the kind of database and the time. */
export function defaultBackupFile(database: Config['database'], now: Date) {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return database.kind === 'postgres' ? `waymark-${stamp}.dump` : `waymark-${stamp}.tar.gz`;
}

export async function backupDatabase(database: Config['database'], file: string): Promise<{ bytes: number }> {
  if (database.kind === 'postgres') {
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--file=${file}`,
      database.url,
    ]);
  } else {
    if (!existsSync(database.dataDir))
      throw new BackupError(`There is no embedded database at ${database.dataDir} to back up.`);
    const pglite = await PGlite.create(database.dataDir);
    try {
      const archive = await pglite.dumpDataDir('gzip');
      await writeFile(file, Buffer.from(await archive.arrayBuffer()));
    } finally {
      await pglite.close();
    }
  }
  return { bytes: statSync(file).size };
}

/**
 * Replaces the database with the backup. On a server everything is restored in one transaction, so a
 * failed restore leaves the database as it was; the embedded database's old directory is kept as
 * `<dir>.before-restore-<time>` until someone removes it.
 */
export async function restoreDatabase(
  database: Config['database'],
  file: string,
  now: Date,
): Promise<{ keptAt: string | null }> {
  if (!existsSync(file)) throw new BackupError(`There is no backup file at ${file}.`);
  if (database.kind === 'postgres') {
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${database.url}`,
      file,
    ]);
    return { keptAt: null };
  }
  const archive = new Blob([await readFile(file)]);
  let keptAt: string | null = null;
  if (existsSync(database.dataDir)) {
    keptAt = `${database.dataDir}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(database.dataDir, keptAt);
  }
  try {
    const pglite = await PGlite.create({ dataDir: database.dataDir, loadDataDir: archive });
    await pglite.query('select 1');
    await pglite.close();
  } catch (error) {
    if (keptAt) renameSync(keptAt, database.dataDir);
    throw new BackupError(`The backup could not be restored: ${(error as Error).message}`);
  }
  return { keptAt };
}
