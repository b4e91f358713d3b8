/**
 * The 9:30 peak at full size: 200 provider staff (50 providers, four people each, eight pupils per
 * provider) submitting registers at once over HTTP for 20 seconds, with autocannon. The same driver
 * runs at a CI-sized scale in the API tests (register-peak.load.test.ts). Runs against a fresh database
 * on BENCH_DATABASE_URL's server when it is set, otherwise the embedded one.
 */
import type { AddressInfo } from 'node:net';
import { runRegisterPeak, setUpRegisterPeak } from '../apps/api/src/test/register-peak.ts';
import { createTestApp } from '../apps/api/src/test/test-app.ts';

export async function benchRegisterPeak() {
  if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  const t = await createTestApp();
  try {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const started = Date.now();
    const submitters = await setUpRegisterPeak(t, {
      providers: 50,
      staffPerProvider: 4,
      pupilsPerProvider: 8,
    });
    const setUpSeconds = Math.round((Date.now() - started) / 1000);
    const figures = await runRegisterPeak(url, submitters, { seconds: 20 });
    return { figures, setUpSeconds, kind: t.database.kind };
  } finally {
    await t.close();
  }
}

export function peakTable(f: Awaited<ReturnType<typeof runRegisterPeak>>) {
  return [
    '| people (connections) | seconds | requests | per second | errors | non-2xx | timeouts | p50 ms | p97.5 ms | p99 ms | max ms |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${f.people} | ${f.seconds} | ${f.requests} | ${f.requestsPerSecond} | ${f.errors} | ${f.non2xx} | ${f.timeouts} | ${f.p50} | ${f.p97_5} | ${f.p99} | ${f.max} |`,
  ].join('\n');
}
