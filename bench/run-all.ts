/** Runs every benchmark and prints a Markdown table; copy notable figures into docs/performance.md. */
import { cpus } from 'node:os';
import { benchCalendar, benchHttp } from './foundation.bench.ts';
import { table } from './measure.ts';

const calendar = await benchCalendar();
const http = await benchHttp();
console.log(
  `# Waymark benchmarks\n\n${new Date().toISOString()} · Node ${process.version} · ${cpus().length} cores · ${cpus()[0]?.model}\n`,
);
console.log(`## Domain\n\n${table(calendar)}\n`);
console.log(
  `## HTTP on loopback to a separate server process, ${http.kind}, 8 requests in flight\n\n${table(http.rows)}\n`,
);
