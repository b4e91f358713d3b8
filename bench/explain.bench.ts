/**
 * The plans behind the group-level answers: on the large synthetic trust (PostgreSQL server), each
 * group-level page is asked as the group's administrator with the server in this process, every
 * statement it sends is captured from the driver, and each that took longer than a few milliseconds
 * is run again under `EXPLAIN (ANALYZE, BUFFERS)` with the same parameters on a connection of its own.
 * `npm run bench -- explain` prints them as Markdown for docs/performance.md.
 */
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { buildApp } from '../apps/api/src/app.ts';
import { loadConfig } from '../apps/api/src/config.ts';
import { connectDatabase } from '../apps/api/src/db/client.ts';
import { createFreshDatabase } from '../apps/api/src/db/fresh-database.ts';
import { runMigrations } from '../apps/api/src/db/migrate.ts';
import { systemClock } from '../apps/api/src/lib/clock.ts';
import { ensureReferenceData } from '../apps/api/src/modules/calendar/reference-data.ts';
import { seedLivingDemo } from '../apps/api/src/modules/demo/living/living-demo.ts';
import { getJson, signIn } from './server.ts';
import { addSyntheticTrust } from './synthetic-trust.ts';

interface Statement {
  text: string;
  values: unknown[];
  ms: number;
}

/** Statements slower than this are explained. */
const SLOW_MS = 5;

// Every statement any pool client sends while `capturing` is set, with its time. Installed by
// benchExplain only, so that the other benchmarks run on the driver as it is.
let capturing: Statement[] | null = null;
function captureStatements() {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const sink = capturing;
    const config = args[0] as string | { text?: string; values?: unknown[] };
    const text = typeof config === 'string' ? config : config?.text;
    if (!sink || !text) return (query as (...a: unknown[]) => unknown).apply(this, args);
    // Drizzle passes `{ text }` and its parameters beside it; pg also takes them inside the config.
    const given = Array.isArray(args[1]) ? args[1] : typeof config === 'string' ? undefined : config.values;
    const values = Array.isArray(given) ? given : [];
    const started = performance.now();
    const record = () => sink.push({ text, values, ms: performance.now() - started });
    // The pool's own query passes a callback; a transaction's client is asked for a promise.
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function')
      args[last] = (...result: unknown[]) => {
        record();
        return callback(...result);
      };
    const result = (query as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) result.then(record, () => {});
    return result;
  } as typeof query;
}

/** A plan names every id of a long `in (…)` list; a count reads better in the docs. */
const shortened = (line: string) =>
  line.replace(/'\{[^}']{200,}\}'/g, (list) => `'{…${list.split(',').length} values…}'`);

export async function benchExplain(): Promise<string | null> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) return null;
  captureStatements();
  const fresh = await createFreshDatabase(serverUrl, 'waymark_explain');
  const connection = await connectDatabase({ kind: 'postgres', url: fresh.url });
  const explainer = new pg.Client({ connectionString: fresh.url });
  try {
    await runMigrations(connection);
    await ensureReferenceData(connection.db);
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: fresh.url,
      LOG_LEVEL: 'warn',
      COOKIE_SECURE: 'false',
      SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000',
    });
    await seedLivingDemo(connection.db, systemClock(), config.publicUrl);
    const trust = await addSyntheticTrust(fresh.url);
    const app = await buildApp(
      { config, db: connection.db, connection, clock: systemClock },
      { logger: false },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    await explainer.connect();
    try {
      const admin = await signIn(base, 'admin@northway.example');
      const groupId = (await getJson<{ group: { id: string } }>(base, admin, '/api/organisation')).group.id;
      const pages: [string, string][] = [
        ['What is due, the whole group', '/api/obligations'],
        ['Early warnings, the whole group', '/api/warnings'],
        [
          'A year’s rates for the whole trust, by school',
          '/api/attendance/rates?from=2025-09-01&to=2026-08-31&by=school',
        ],
        [
          'The group governors’ report, autumn term (data)',
          `/api/reports/governors?scope=group&id=${groupId}&academicYear=2026/27&term=autumn`,
        ],
      ];
      const out = [
        `On the synthetic trust: ${trust.placements} placements, ${trust.marks} marks. Statements over ${SLOW_MS} ms on the third asking of each page (the first two warm it).`,
      ];
      for (const [name, path] of pages) {
        await getJson(base, admin, path);
        await getJson(base, admin, path);
        const statements: Statement[] = [];
        capturing = statements;
        const started = performance.now();
        await getJson(base, admin, path);
        const total = performance.now() - started;
        capturing = null;
        const slow = statements.filter((s) => s.ms >= SLOW_MS);
        out.push(
          `\n### ${name}\n\n\`GET ${path.replace(groupId, ':groupId')}\`: ${total.toFixed(0)} ms, ${statements.length} statements, ${slow.length} over ${SLOW_MS} ms.`,
        );
        for (const s of slow.sort((a, b) => b.ms - a.ms)) {
          const shown = s.text.replace(/\s+/g, ' ').slice(0, 160);
          const plan = await explainer
            .query(`explain (analyze, buffers) ${s.text}`, s.values)
            .then((r) => r.rows.map((row) => shortened(row['QUERY PLAN'] as string)).join('\n'))
            .catch((error: Error) => `(not explained: ${error.message})`);
          out.push(`\n${s.ms.toFixed(1)} ms: \`${shown}…\`\n\n\`\`\`\n${plan}\n\`\`\``);
        }
      }
      return out.join('\n');
    } finally {
      await app.close();
    }
  } finally {
    await explainer.end().catch(() => {});
    await connection.close();
    await fresh.drop();
  }
}
