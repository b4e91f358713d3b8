/**
 * A piece of background work run every so often in the server process: never two passes at once (a
 * slow pass makes the next tick skip), a failure logged rather than thrown, and a stop that waits for
 * the pass under way. The work keeps its state in the database, so several processes can each run it.
 */
export function startLoop({
  everyMs,
  runAtStart,
  pass,
  failure,
  log,
}: {
  everyMs: number;
  runAtStart: boolean;
  pass: () => Promise<unknown>;
  /** What went wrong, in the log: "Sealing the audit log failed". */
  failure: string;
  log: { error(object: unknown, message: string): void };
}): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = pass()
      .catch((error) => log.error({ err: error }, failure))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  if (runAtStart) tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
