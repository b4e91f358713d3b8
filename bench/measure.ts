/** Small timing helpers: run a bounded number of operations and report latency percentiles. */
import { performance } from 'node:perf_hooks';

export interface Figures {
  name: string;
  operations: number;
  perSecond: number;
  p50ms: number;
  p95ms: number;
  p99ms: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs `operation` `count` times with `concurrency` in flight; the loop is bounded, never open-ended. */
export async function measure(
  name: string,
  count: number,
  concurrency: number,
  operation: (i: number) => Promise<unknown> | unknown,
): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      await operation(i);
      latencies.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    name,
    operations: count,
    perSecond: Math.round(count / elapsed),
    p50ms: round(percentile(latencies, 50)),
    p95ms: round(percentile(latencies, 95)),
    p99ms: round(percentile(latencies, 99)),
  };
}

export function table(rows: Figures[]): string {
  const header =
    '| measurement | operations | per second | p50 ms | p95 ms | p99 ms |\n|---|---:|---:|---:|---:|---:|';
  return [
    header,
    ...rows.map(
      (r) => `| ${r.name} | ${r.operations} | ${r.perSecond} | ${r.p50ms} | ${r.p95ms} | ${r.p99ms} |`,
    ),
  ].join('\n');
}
