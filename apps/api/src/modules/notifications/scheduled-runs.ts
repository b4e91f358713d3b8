/**
 * Claiming a run of a job (a chaser, a reminder, a digest) for a group and a day: the first claim wins,
 * so with several server processes or a restart the emails go out once. Claim inside the transaction
 * that queues the emails, so a crash leaves neither.
 */
import type { Database } from '../../db/client.ts';
import { scheduledRuns } from './scheduled-runs.table.ts';

/** True when this call claimed the run; false when it had been claimed already. */
export async function claimRun(db: Database, run: { job: string; groupId: string; runOn: string }) {
  const claimed = await db.insert(scheduledRuns).values(run).onConflictDoNothing().returning();
  return claimed.length > 0;
}
