/**
 * One school at its real size on the embedded database (PGlite, on disk), as a school that runs Waymark
 * with `npm start` has it: 60 pupils placed with three providers, last year's placements ended and this
 * year's running, and every session mark of last year and this term (bench/synthetic-trust.ts at one
 * school's size, seeded into the server's own data directory between two starts of the server). Each
 * page the school's staff open, through the real server, one request at a time as a few staff would.
 *
 * The embedded database belongs to the server's process, so there is no raw-SQL twin beside each row
 * here; the PostgreSQL benchmark (attendance.bench.ts) has them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type Figures, measure } from './measure.ts';
import { getJson, signIn, startServer } from './server.ts';
import { addSyntheticTrust, attendanceOfficerEmail, type SyntheticTrust } from './synthetic-trust.ts';

export const ONE_SCHOOL = { schools: 1, providers: 3, pupils: 60, years: 2 };
const YEAR = { from: '2025-09-01', to: '2026-08-31' };
const DAY = '2026-11-13';

export async function benchOneSchool(): Promise<{ trust: SyntheticTrust; rows: Figures[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'waymark-one-school-'));
  try {
    // The first start creates the database and the demo trust; the school is added while it is stopped.
    await (await startServer({ dataDir })).stop();
    // The server keeps its embedded database in `pglite` under its data directory (config.ts).
    const pglite = await PGlite.create(join(dataDir, 'pglite'));
    const trust = await addSyntheticTrust(pglite, ONE_SCHOOL);
    await pglite.close();

    const server = await startServer({ dataDir });
    const { base } = server;
    try {
      const officer = await signIn(base, attendanceOfficerEmail);
      const admin = await signIn(base, 'admin@northway.example');
      const school = trust.firstSchoolId;
      const { placements } = await getJson<{
        placements: { id: string; schoolName: string; pupilId: string }[];
      }>(base, admin, '/api/placements?status=active');
      const placement = placements.find((p) => p.schoolName === 'Bench School 01')!;
      const page = (who: 'officer' | 'admin', name: string, path: string, count = 100) =>
        measure(`HTTP: ${name}`, count, 1, () => getJson(base, who === 'officer' ? officer : admin, path));
      const rows: Figures[] = [];
      rows.push(
        await page('officer', 'the attendance officer’s board', `/api/attendance/board?date=${DAY}`),
        await page(
          'officer',
          'a year’s rates, by placement',
          `/api/attendance/rates?from=${YEAR.from}&to=${YEAR.to}&by=placement`,
        ),
        await page('officer', 'what is due, the attendance officer', '/api/obligations'),
        await page('officer', 'early warnings, the attendance officer', '/api/warnings'),
        await page('admin', 'placements', '/api/placements'),
        await page('admin', 'one placement', `/api/placements/${placement.id}`),
        await page('admin', 'pupils', '/api/pupils'),
        await page('admin', 'one pupil (the read is logged)', `/api/pupils/${placement.pupilId}`),
        await page('admin', 'providers', '/api/providers'),
        await page('admin', 'what is due, the administrator', '/api/obligations'),
        await page('admin', 'early warnings, the administrator', '/api/warnings'),
        await page(
          'admin',
          'the school’s inspection pack (data)',
          `/api/inspection-pack?school=${school}`,
          30,
        ),
        await page(
          'admin',
          'the school’s governors’ report, autumn term (data)',
          `/api/reports/governors?scope=school&id=${school}&academicYear=2026/27&term=autumn`,
          30,
        ),
      );
      return { trust, rows };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
