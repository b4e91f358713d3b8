/**
 * Foundation figures: school-day arithmetic, and the HTTP paths every page uses (sign-in, the
 * session check, a scoped list) against the real server on loopback, embedded or PostgreSQL.
 *
 *   npm run bench                         embedded database (PGlite)
 *   BENCH_DATABASE_URL=postgres://… npm run bench    a PostgreSQL server (a fresh database is created)
 *
 * The server runs as its own process (the real entry point, with demo data); this process is the load.
 */
import { addDays, createSchoolCalendar, shippedBankHolidays } from '@waymark/domain';
import { demoTermDates } from '../apps/api/src/modules/demo/demo-trust.ts';
import { type Figures, measure } from './measure.ts';
import { signIn, startServer } from './server.ts';

export async function benchCalendar(): Promise<Figures[]> {
  const calendar = createSchoolCalendar({
    halfTerms: demoTermDates.flatMap((y) => y.halfTerms),
    closureDays: demoTermDates.flatMap((y) => y.closureDays),
    bankHolidays: shippedBankHolidays,
  });
  return [
    await measure('calendar: is this a school day', 100_000, 1, (i) =>
      calendar.isSchoolDay(addDays('2025-09-01', i % 600)),
    ),
    await measure('calendar: add 10 school days', 50_000, 1, (i) =>
      calendar.addSchoolDays(addDays('2025-09-01', i % 300), 10),
    ),
  ];
}

export async function benchHttp(): Promise<{ kind: string; rows: Figures[] }> {
  const { base, kind, stop } = await startServer();
  const { cookie } = await signIn(base, 'admin@northway.example');
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    await response.arrayBuffer();
  };
  const organisation = (await (await fetch(`${base}/api/organisation`, { headers: { cookie } })).json()) as {
    schools: { id: string }[];
  };
  const schoolId = organisation.schools[0]!.id;
  const { placements } = (await (await fetch(`${base}/api/placements`, { headers: { cookie } })).json()) as {
    placements: { id: string }[];
  };
  const placementId = placements[0]!.id;

  const rows = [
    await measure('HTTP: GET /api/health (one database round trip)', 2_000, 8, () => get('/api/health')),
    await measure('HTTP: GET /api/auth/session (signed in)', 2_000, 8, () => get('/api/auth/session')),
    await measure('HTTP: GET /api/users (scoped list, first page)', 2_000, 8, () => get('/api/users')),
    await measure('HTTP: GET a school’s term dates with day counts', 1_000, 8, () =>
      get(`/api/schools/${schoolId}/term-dates?academicYear=2025%2F26`),
    ),
    // The directory evaluates every provider's approval: audits, letters, insurance, SLA, decisions,
    // notices and the live registration counts, one query per kind of fact.
    await measure('HTTP: GET /api/providers (directory with approval status)', 500, 8, () =>
      get('/api/providers'),
    ),
    await measure('HTTP: GET /api/pupils (scoped list)', 1_000, 8, () => get('/api/pupils')),
    await measure('HTTP: GET a placement page (plan, checks, reviews, timeline; read logged)', 500, 8, () =>
      get(`/api/placements/${placementId}`),
    ),
    // argon2id is slow on purpose; this is its cost per sign-in here.
    // An attendance officer: the password step alone (argon2id); two-factor roles add one code check.
    await measure('HTTP: POST /api/auth/sign-in (argon2id)', 100, 2, () =>
      signIn(base, 'attendance@riverside.example'),
    ),
  ];
  await stop();
  return { kind, rows };
}
