/** Starting a Waymark server for browser tests: a free port, and waiting until it answers. */
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Waits until the server answers, and returns how far its clock is ahead of this machine's. */
export async function waitForHealth(
  baseURL: string,
  server: ChildProcess,
  output: () => string,
  timeoutMs = 90_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The Waymark server exited during start:\n${output()}`);
    try {
      const asked = Date.now();
      const response = await fetch(`${baseURL}/api/health`);
      if (response.ok) {
        const { now } = (await response.json()) as { now: string };
        return new Date(now).getTime() - (asked + Date.now()) / 2;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The Waymark server did not become healthy in time:\n${output()}`);
}
