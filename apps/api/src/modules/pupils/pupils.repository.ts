/**
 * The pupils feature's front door: the named reads other features use instead of its tables.
 * Plain functions that take the database or the transaction they run in.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { schoolNameOf } from '../organisation/organisation.repository.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { pupilsErrors } from './pupils.errors.ts';
import { pupils } from './pupils.table.ts';

/** A pupil in the caller's reach for the permission, or a 404 (never a hint that it exists elsewhere). */
export async function findPupilInReach(
  db: Database,
  actor: Actor,
  pupilId: string,
  permission: 'pupils.read' | 'pupils.manage' | 'placements.read' | 'placements.manage',
) {
  const [found] = await db
    .select({ pupil: pupils, schoolName: schoolNameOf(pupils.schoolId) })
    .from(pupils)
    .where(
      and(
        eq(pupils.id, pupilId),
        eq(pupils.groupId, actor.groupId),
        schoolColumnInReach(db, actor, reachOf(actor, permission), pupils.schoolId),
      ),
    );
  if (!found) throw pupilsErrors.notFound();
  return { ...found.pupil, schoolName: found.schoolName };
}
