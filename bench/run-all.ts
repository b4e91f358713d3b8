/**
 * Runs the benchmarks and prints Markdown tables; copy notable figures into docs/performance.md.
 *   npm run bench                  everything (attendance only with BENCH_DATABASE_URL)
 *   npm run bench -- attendance    the attendance benchmark alone
 *   npm run bench -- peak          the 9:30 register peak alone (200 provider staff at once)
 *   npm run bench -- demo          building the living demo alone
 *   npm run bench -- pages         script each page needs on first load (after a web build)
 *   npm run bench -- school        one school's pages on the embedded database, at its real size
 *   npm run bench -- explain       the plans of the group-level pages' slow statements (PostgreSQL)
 */
import { cpus } from 'node:os';
import { routeSizes } from '../scripts/route-sizes.mjs';
import { attendanceBenchNote, benchAttendance } from './attendance.bench.ts';
import { benchExplain } from './explain.bench.ts';
import { benchCalendar, benchHttp } from './foundation.bench.ts';
import { benchLivingDemo } from './living-demo.bench.ts';
import { table } from './measure.ts';
import { benchOneSchool } from './one-school.bench.ts';
import { benchRegisterPeak, peakTable } from './register-peak.bench.ts';

const only = process.argv[2];
console.log(
  `# Waymark benchmarks\n\n${new Date().toISOString()} · Node ${process.version} · ${cpus().length} cores · ${cpus()[0]?.model}\n`,
);
if (only === 'pages' || !only) {
  const { entryKb, pages } = routeSizes();
  const rows = pages.map(
    (p) =>
      `| ${p.page.replace(/^src\/modules\//, '')} | ${p.firstLoadKb.toFixed(1)} | ${p.ownKb.toFixed(1)} |`,
  );
  console.log(
    `## Script on first load, gzip KB (the app's entry: ${entryKb.toFixed(1)})\n\n| page | first load | its own |\n|---|---|---|\n${rows.join('\n')}\n`,
  );
  if (only === 'pages') process.exit(0);
}
if (only === 'demo' || !only) {
  const demo = await benchLivingDemo();
  console.log(`## Building the living demo (${demo.kind})\n\nThree runs: ${demo.seconds.join(' s, ')} s\n`);
  if (only === 'demo') process.exit(0);
}
if (only === 'explain') {
  const plans = await benchExplain();
  console.log(
    plans ? `## Plans of the group-level pages\n\n${plans}\n` : 'The plans need BENCH_DATABASE_URL; skipped.',
  );
  process.exit(0);
}
if (only === 'school' || !only) {
  const { trust, rows } = await benchOneSchool();
  console.log(
    `## One school on the embedded database\n\n${trust.placements} placements in the database (the demo's and the school's), ${trust.marks} marks seeded in ${trust.seconds} s.\n\n${table(rows)}\n`,
  );
  if (only === 'school') process.exit(0);
}
if (only === 'peak' || !only) {
  const peak = await benchRegisterPeak();
  console.log(
    `## The 9:30 register peak (${peak.kind} database; set up in ${peak.setUpSeconds} s)\n\n${peakTable(peak.figures)}\n`,
  );
  if (only === 'peak') process.exit(0);
}
if (only !== 'attendance') {
  console.log(`## Domain\n\n${table(await benchCalendar())}\n`);
  const http = await benchHttp();
  console.log(
    `## HTTP on loopback to a separate server process, ${http.kind}, 8 requests in flight\n\n${table(http.rows)}\n`,
  );
}
const attendance = await benchAttendance();
if (attendance) {
  const { trust, rows } = attendance;
  console.log(
    `## Attendance on a synthetic trust (PostgreSQL server)\n\n${trust.placements} placements, ${trust.marks} marks, seeded in ${trust.seconds} s. ${attendanceBenchNote}\n\n${table(rows)}\n`,
  );
} else {
  console.log('Attendance at trust scale needs BENCH_DATABASE_URL (a PostgreSQL server); skipped.');
}
