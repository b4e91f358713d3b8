/** The letters feature's front door: the signed letters the providers feature reads for approval and renewal. */
import { and, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { safeguardingLetters } from './letters.table.ts';

/** Every letter these providers have signed in the portal, with its content and when. */
export function signedLettersOf(db: Database, providerIds: readonly string[]) {
  if (!providerIds.length) return Promise.resolve([]);
  return db
    .select({
      providerId: safeguardingLetters.providerId,
      content: safeguardingLetters.content,
      signedAt: safeguardingLetters.signedAt,
    })
    .from(safeguardingLetters)
    .where(
      and(inArray(safeguardingLetters.providerId, [...providerIds]), isNotNull(safeguardingLetters.signedAt)),
    );
}
