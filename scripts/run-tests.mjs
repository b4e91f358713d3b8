// `npm test`: the domain and API tests in one Vitest process and the browser journeys in another, side
// by side. In one process Vitest runs the journeys (one file at a time: one server, one browser) only
// after every other file, on a single worker on a 2-core machine, so the suite took the sum of both;
// the journeys spend much of their time waiting on the server and the browser, which the API files can
// use. Each process has its own databases (test-database.ts, e2e/global-setup.ts), so they cannot meet.
// With arguments (`npm test -- apps/api/src/modules/voice`) it is one plain `vitest run` with them.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const vitest = ['node_modules/vitest/vitest.mjs', 'run'];
const extra = process.argv.slice(2);
const children = new Set();

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
  });
}

/** Runs one Vitest process; resolves with its exit code and the counts of its closing summary line. */
function run(args, label) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...vitest, ...args], {
      stdio: label ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    children.add(child);
    const counts = { passed: 0, failed: 0, skipped: 0 };
    if (label) {
      for (const stream of [child.stdout, child.stderr]) {
        const out = stream === child.stdout ? process.stdout : process.stderr;
        createInterface({ input: stream }).on('line', (line) => {
          const summary = /^(\d+) passed, (\d+) failed, (\d+) skipped$/.exec(line);
          if (summary) [counts.passed, counts.failed, counts.skipped] = summary.slice(1).map(Number);
          out.write(`${label} │ ${line}\n`);
        });
      }
    }
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code: code ?? (signal ? 1 : 0), counts });
    });
  });
}

if (extra.length > 0) {
  const { code } = await run(extra);
  process.exit(code);
}

// One seed for both processes, so `TEST_SEED=<seed> npm test` repeats the whole run's order.
process.env.TEST_SEED ||= String(Math.floor(Math.random() * 1_000_000));
const startedAt = Date.now();
const results = await Promise.all([
  run(['--project', 'domain', '--project', 'api'], 'api'),
  run(['--project', 'e2e'], 'e2e'),
]);
const total = { passed: 0, failed: 0, skipped: 0 };
for (const { counts } of results) for (const key of Object.keys(total)) total[key] += counts[key];
// A process that failed without a summary (it could not start) still fails the run.
for (const { code, counts } of results) if (code !== 0 && counts.failed === 0) total.failed += 1;
const seconds = Math.round((Date.now() - startedAt) / 1000);
console.log(`\nBoth processes done in ${seconds} s (TEST_SEED=${process.env.TEST_SEED})`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(results.some(({ code }) => code !== 0) ? 1 : 0);
