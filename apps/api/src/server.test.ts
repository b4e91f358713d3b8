import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const apiDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs the real server entry point and collects what it prints until it exits. */
function startServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: apiDir,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('starting Waymark', () => {
  it('stops with a clear message and exit code 3 when the database server cannot be reached', async () => {
    const { code, output } = await startServer({ DATABASE_URL: 'postgres://waymark@127.0.0.1:1/waymark' });
    expect(code).toBe(3);
    expect(output).toContain('Waymark cannot start: it cannot reach the PostgreSQL server in DATABASE_URL');
  });

  it('stops with exit code 2 naming each bad environment variable', async () => {
    const { code, output } = await startServer({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      WAYMARK_DATA_DIR: mkdtempSync(join(tmpdir(), 'wm-')),
    });
    expect(code).toBe(2);
    expect(output).toContain('PORT:');
    expect(output).toContain('DATABASE_URL: must start with postgres:// or postgresql://');
  });

  it('refuses a set clock in production, and a clock setting that is not an instant', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wm-'));
    const production = await startServer({
      NODE_ENV: 'production',
      WAYMARK_CLOCK: '2026-11-27T09:00:00Z',
      WAYMARK_DATA_DIR: dataDir,
    });
    expect(production.code).toBe(2);
    expect(production.output).toContain('WAYMARK_CLOCK sets the clock for tests and demos and is refused');
    const notAnInstant = await startServer({ WAYMARK_CLOCK: '27/11/2026', WAYMARK_DATA_DIR: dataDir });
    expect(notAnInstant.code).toBe(2);
    expect(notAnInstant.output).toContain('WAYMARK_CLOCK: must be an instant such as 2026-11-27T09:00:00Z');
  });
});
