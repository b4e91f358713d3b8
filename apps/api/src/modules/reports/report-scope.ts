/**
 * What a governors' report covers: one school, a region or the group, and the schools in it. A region or
 * group report needs the whole of it in reach, not the part one school's head can see.
 */
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { defineError } from '../../lib/errors.ts';
import { schoolsOfScope } from '../organisation/organisation.repository.ts';

export const reportErrors = {
  notFound: defineError(
    'reports.not_found',
    404,
    'There is no such school, region or group within your reach.',
  ),
  noTerm: defineError(
    'reports.no_term',
    400,
    'The schools have no term dates for that term. Add them under Term dates.',
  ),
};

export type ReportScope = { kind: 'school' | 'region' | 'group'; id: string };

export async function scopeSchools(db: Database, actor: Actor, scope: ReportScope) {
  const { inReach, total, name } = await schoolsOfScope(db, actor, reachOf(actor, 'reports.read'), scope);
  // A region or group report needs the whole of it in reach, not the part one school's head can see.
  if (!inReach.length || inReach.length !== total) throw reportErrors.notFound();
  return { schools: inReach, name };
}
