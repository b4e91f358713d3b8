/**
 * Who may see what of a concern or incident. Safeguarding detail is for the DSLs of the pupil's school;
 * other staff with access see that a concern exists and its status; provider staff see the reports of
 * their own provider. Every use case asks here, so the rule lives in one place.
 */
import { type IncidentKind, isSafeguarding } from '@waymark/domain';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, type Reach, reachOf } from '../../lib/actor.ts';
import { defineError } from '../../lib/errors.ts';
import { schoolsInReach } from '../organisation/scope.ts';
import { placementsWithPupils } from '../placements/placements.repository.ts';
import { providerNameOf } from '../providers/providers.repository.ts';
import { withPupils } from '../pupils/pupils.repository.ts';
import { incidents } from './incidents.table.ts';

export const incidentErrors = {
  notFound: defineError('incidents.not_found', 404, 'There is no such concern or incident that you can see.'),
  restricted: defineError(
    'incidents.safeguarding_only',
    403,
    'Only a designated safeguarding lead can act on a safeguarding concern.',
  ),
};

/** The school ids a reach covers, resolved once per request. */
export async function schoolIdsIn(db: Database, actor: Actor, reach: Reach): Promise<Set<string>> {
  const rows = await schoolsInReach(db, actor, reach);
  return new Set(rows.map((r) => r.id));
}

export interface IncidentSight {
  /** Schools where the actor may see incidents at all. */
  seen: Set<string>;
  /** Schools where the actor reads safeguarding detail (a DSL's schools). */
  safeguarding: Set<string>;
}

export async function sightOf(db: Database, actor: Actor): Promise<IncidentSight> {
  const [seen, safeguarding] = await Promise.all([
    schoolIdsIn(db, actor, reachOf(actor, 'incidents.read')),
    schoolIdsIn(db, actor, reachOf(actor, 'safeguarding.read')),
  ]);
  return { seen, safeguarding };
}

export const mayReadDetail = (sight: IncidentSight, incident: { kind: IncidentKind; schoolId: string }) =>
  isSafeguarding(incident.kind)
    ? sight.safeguarding.has(incident.schoolId)
    : sight.seen.has(incident.schoolId);

/** An incident with its pupil and provider, if the actor may see it at all (else 404). */
export async function findIncidentForStaff(db: Database, actor: Actor, incidentId: string) {
  const sight = await sightOf(db, actor);
  const schoolIds = [...new Set([...sight.seen, ...sight.safeguarding])];
  const [found] = schoolIds.length
    ? await withPupils(
        db,
        await db
          .select({ incident: incidents, providerName: providerNameOf(incidents.providerId) })
          .from(incidents)
          .where(
            and(
              eq(incidents.id, incidentId),
              eq(incidents.groupId, actor.groupId),
              inArray(incidents.schoolId, schoolIds),
            ),
          ),
        (r) => r.incident.pupilId,
      )
    : [];
  if (!found) throw incidentErrors.notFound();
  return { ...found, sight };
}

/**
 * The SQL condition for what a provider's portal may see: the reports its own staff made through the
 * portal. Records the school made about a pupil placed there (an allegation about the provider's staff
 * among them) are the school's alone: the LADO decides who is told (KCSIE; policy §8).
 */
export function portalReportsOf(actor: Actor): SQL {
  const providerIds = reachOf(actor, 'portal.use').providerIds;
  if (!providerIds.length) return sql`false`;
  return and(
    eq(incidents.groupId, actor.groupId),
    eq(incidents.source, 'portal'),
    inArray(incidents.providerId, providerIds),
  )!;
}

/** The permission that manages an incident of this kind. */
export const managePermissionFor = (kind: IncidentKind) =>
  isSafeguarding(kind) ? ('safeguarding.manage' as const) : ('incidents.manage' as const);

/** Checks the actor may act on this incident at its school; safeguarding kinds need a DSL. */
export async function assertMayManage(
  db: Database,
  actor: Actor,
  incident: { kind: IncidentKind; schoolId: string },
) {
  const schools = await schoolIdsIn(db, actor, reachOf(actor, managePermissionFor(incident.kind)));
  if (schools.has(incident.schoolId)) return;
  throw isSafeguarding(incident.kind) ? incidentErrors.restricted() : incidentErrors.notFound();
}

/** The placement a report is about: placed with the reporter's provider, or at a school in their reach; else null. */
export async function placementToReportOn(
  db: Database,
  actor: Actor,
  placementId: string,
  source: 'portal' | 'school',
) {
  const [found] = await placementsWithPupils(db, { ids: [placementId], groupId: actor.groupId });
  if (!found) return null;
  // A provider reports on pupils placed with it now; the school also on placements that have ended.
  if (source === 'portal')
    return found.placement.status === 'active' &&
      reachOf(actor, 'portal.use').providerIds.includes(found.placement.providerId)
      ? found
      : null;
  if (!['active', 'ended'].includes(found.placement.status)) return null;
  const schools = await schoolIdsIn(db, actor, reachOf(actor, 'incidents.report'));
  return schools.has(found.placement.schoolId) ? found : null;
}
