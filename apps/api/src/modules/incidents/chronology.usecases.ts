/**
 * Views over incidents: a pupil's safeguarding chronology (DSLs), a placement's behaviour log (from
 * provider reports, for reviews) and a provider's own reports in the portal.
 */
import {
  behaviourKinds,
  dateInWords,
  incidentKindLabels,
  pupilDisplayName,
  referralAgencyLabels,
  triageLevelLabels,
} from '@waymark/domain';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { defineError } from '../../lib/errors.ts';
import type { Reading } from '../../lib/use-case.ts';
import { findPlacementInReach } from '../placements/placement-view.ts';
import { providerNameOf } from '../providers/providers.repository.ts';
import { pupilsByIds, withPupils } from '../pupils/pupils.repository.ts';
import { portalReportsOf, schoolIdsIn } from './incident-access.ts';
import { incidentActions, incidentReferrals, incidents } from './incidents.table.ts';

const pupilNotFound = defineError(
  'incidents.pupil_not_found',
  404,
  'There is no such pupil whose safeguarding chronology you can read.',
);

/** Everything that happened on every concern about one pupil, oldest first. Reading it is logged. */
export async function pupilChronology({
  db,
  actor,
  ipAddress,
  pupilId,
}: Reading & { ipAddress: string | null; pupilId: string }) {
  const schools = await schoolIdsIn(db, actor, reachOf(actor, 'safeguarding.read'));
  const pupil = (await pupilsByIds(db, [pupilId])).get(pupilId);
  if (!pupil || pupil.groupId !== actor.groupId || !schools.has(pupil.schoolId)) throw pupilNotFound();
  const rows = await db
    .select({ incident: incidents, providerName: providerNameOf(incidents.providerId) })
    .from(incidents)
    .where(eq(incidents.pupilId, pupilId));
  const ids = rows.map((r) => r.incident.id);
  const [actions, referrals] = ids.length
    ? await Promise.all([
        db.select().from(incidentActions).where(inArray(incidentActions.incidentId, ids)),
        db.select().from(incidentReferrals).where(inArray(incidentReferrals.incidentId, ids)),
      ])
    : [[], []];
  const events: { at: string; incidentId: string; what: string; by: string }[] = [];
  for (const { incident: i, providerName } of rows) {
    const label = incidentKindLabels[i.kind];
    events.push({
      at: i.occurredAt.toISOString(),
      incidentId: i.id,
      what: `${label} at ${providerName} (${i.location}): ${i.whatHappened}`,
      by: i.reportedByName,
    });
    events.push({
      at: i.reportedAt.toISOString(),
      incidentId: i.id,
      what: `${label} reported`,
      by: i.reportedByName,
    });
    if (i.triagedAt)
      events.push({
        at: i.triagedAt.toISOString(),
        incidentId: i.id,
        what: `Triaged: ${triageLevelLabels[i.triageLevel!]}. ${i.triageRationale ?? ''}`,
        by: i.triagedByName ?? '',
      });
    if (i.closedAt)
      events.push({
        at: i.closedAt.toISOString(),
        incidentId: i.id,
        what: `Closed: ${i.outcome ?? ''}`,
        by: i.closedByName ?? '',
      });
  }
  for (const a of actions)
    events.push({
      at: a.recordedAt.toISOString(),
      incidentId: a.incidentId,
      what: `Action for ${a.owner} by ${dateInWords(a.dueOn)}: ${a.action}${a.doneOn ? ` (done ${dateInWords(a.doneOn)})` : ''}`,
      by: a.recordedByName,
    });
  for (const r of referrals)
    events.push({
      at: r.recordedAt.toISOString(),
      incidentId: r.incidentId,
      what: `Referred to ${referralAgencyLabels[r.agency]} on ${dateInWords(r.referredOn)}${r.reference ? ` (ref. ${r.reference})` : ''}: ${r.details}`,
      by: r.recordedByName,
    });
  events.sort((a, b) => a.at.localeCompare(b.at));
  await recordAudit(
    db,
    { actor, ipAddress },
    {
      action: 'incidents.chronology_read',
      recordType: 'pupil',
      recordId: pupilId,
      schoolId: pupil.schoolId,
      summary: `Read the safeguarding chronology (${rows.length} records)`,
    },
  );
  return { pupilName: pupilDisplayName(pupil), events };
}

/** Behaviour and restraint reports for one placement, newest first, for its reviews. */
export async function behaviourLog({ db, actor, placementId }: Reading & { placementId: string }) {
  await findPlacementInReach(db, actor, placementId, 'placements.read');
  const rows = await db
    .select()
    .from(incidents)
    .where(and(eq(incidents.placementId, placementId), inArray(incidents.kind, [...behaviourKinds])))
    .orderBy(desc(incidents.occurredAt));
  return rows.map((i) => ({
    id: i.id,
    kind: i.kind,
    kindLabel: incidentKindLabels[i.kind],
    occurredAt: i.occurredAt.toISOString(),
    location: i.location,
    whatHappened: i.whatHappened,
    immediateActions: i.immediateActions,
    status: i.status,
  }));
}

/** A provider's own reports, newest first: what they told the school and where it stands. */
export async function portalIncidents({ db, actor }: { db: Database; actor: Actor }) {
  const rows = await withPupils(
    db,
    await db
      .select({ incident: incidents })
      .from(incidents)
      .where(portalReportsOf(actor))
      .orderBy(desc(incidents.reportedAt), asc(incidents.id))
      .limit(200),
    (r) => r.incident.pupilId,
  );
  return rows.map(({ incident: i, pupil }) => ({
    id: i.id,
    kind: i.kind,
    kindLabel: incidentKindLabels[i.kind],
    pupilName: pupilDisplayName(pupil),
    occurredAt: i.occurredAt.toISOString(),
    reportedAt: i.reportedAt.toISOString(),
    reportedByName: i.reportedByName,
    status: i.status,
  }));
}
