/**
 * An enrolment with a key chosen in advance, already confirmed. Only the demo's seeded accounts use it,
 * so that the key README prints works for each of them; a real enrolment always draws a new random key.
 */
import type { Database } from '../../db/client.ts';
import { secondFactors } from './second-factor.table.ts';

export async function enrolWithKnownKey(
  db: Database,
  { userId, secret, at }: { userId: string; secret: string; at: Date },
) {
  await db.insert(secondFactors).values({ userId, secret, confirmedAt: at });
}
