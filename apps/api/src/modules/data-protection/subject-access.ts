/**
 * A subject access export (UK GDPR Art. 15): everything Waymark holds about one pupil, as data and as a
 * readable PDF. Safeguarding records go in only when a DSL of the pupil's school decides so (they may
 * be withheld where disclosure would put the child at risk); otherwise the export says they were left
 * out and why. Making an export is recorded in the audit log.
 */
import { isSafeguarding } from '@waymark/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { auditEvents } from '../../lib/audit-log.table.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { defineError } from '../../lib/errors.ts';
import {
  attendanceInterventions,
  attendanceMarks,
  firstDayCallLog,
  firstDayCalls,
} from '../attendance/attendance.table.ts';
import { incidentActions, incidentReferrals, incidents } from '../incidents/incidents.table.ts';
import { schoolNameOf } from '../organisation/organisation.repository.ts';
import { schoolsInReach } from '../organisation/scope.ts';
import {
  directionReviews,
  placementCommunications,
  placementDestinations,
  placementReviews,
  placementShares,
  placements,
  placementTermChanges,
} from '../placements/placements.table.ts';
import { providerNameOf } from '../providers/providers.repository.ts';
import { pupilDocuments } from '../pupils/pupil-documents.table.ts';
import { pupils } from '../pupils/pupils.table.ts';
import { voiceRequests } from '../voice/voice.table.ts';

export const subjectAccessErrors = {
  notFound: defineError('data_protection.not_found', 404, 'There is no such pupil within your reach.'),
  dslOnly: defineError(
    'data_protection.dsl_only',
    403,
    "Only a designated safeguarding lead of the pupil's school can decide to include safeguarding records.",
  ),
};

export async function subjectAccessExport({
  db,
  actor,
  ipAddress,
  pupilId,
  includeSafeguarding,
  now,
}: {
  db: Database;
  actor: Actor;
  ipAddress: string | null;
  pupilId: string;
  includeSafeguarding: boolean;
  now: Date;
}) {
  const inReach = new Set(
    (await schoolsInReach(db, actor, reachOf(actor, 'data_protection.manage'))).map((s) => s.id),
  );
  const [found] = await db
    .select({ pupil: pupils, schoolName: schoolNameOf(pupils.schoolId) })
    .from(pupils)
    .where(and(eq(pupils.id, pupilId), eq(pupils.groupId, actor.groupId)));
  if (!found || !inReach.has(found.pupil.schoolId)) throw subjectAccessErrors.notFound();
  const { pupil, schoolName } = found;
  if (includeSafeguarding) {
    const dslSchools = await schoolsInReach(db, actor, reachOf(actor, 'safeguarding.read'));
    if (!dslSchools.some((s) => s.id === pupil.schoolId)) throw subjectAccessErrors.dslOnly();
  }

  const placementRows = await db
    .select({ placement: placements, providerName: providerNameOf(placements.providerId) })
    .from(placements)
    .where(eq(placements.pupilId, pupilId))
    .orderBy(asc(placements.createdAt));
  const placementIds = placementRows.map((p) => p.placement.id);
  const ofPlacements = <T>(query: (ids: string[]) => Promise<T[]>) =>
    placementIds.length ? query(placementIds) : Promise.resolve([] as T[]);

  const [
    documents,
    reviews,
    destinations,
    shares,
    communications,
    directionReviewRows,
    marks,
    calls,
    interventions,
    incidentRows,
    voice,
    views,
    termChanges,
  ] = await Promise.all([
    db
      .select({
        kind: pupilDocuments.kind,
        title: pupilDocuments.title,
        version: pupilDocuments.version,
        documentDate: pupilDocuments.documentDate,
        uploadedAt: pupilDocuments.uploadedAt,
      })
      .from(pupilDocuments)
      .where(eq(pupilDocuments.pupilId, pupilId)),
    ofPlacements((ids) =>
      db.select().from(placementReviews).where(inArray(placementReviews.placementId, ids)),
    ),
    ofPlacements((ids) =>
      db.select().from(placementDestinations).where(inArray(placementDestinations.placementId, ids)),
    ),
    ofPlacements((ids) => db.select().from(placementShares).where(inArray(placementShares.placementId, ids))),
    ofPlacements((ids) =>
      db.select().from(placementCommunications).where(inArray(placementCommunications.placementId, ids)),
    ),
    ofPlacements((ids) =>
      db
        .select()
        .from(directionReviews)
        .where(inArray(directionReviews.placementId, ids))
        .orderBy(asc(directionReviews.on)),
    ),
    db
      .select({
        date: attendanceMarks.date,
        session: attendanceMarks.session,
        code: attendanceMarks.code,
        placementId: attendanceMarks.placementId,
      })
      .from(attendanceMarks)
      .where(eq(attendanceMarks.pupilId, pupilId))
      .orderBy(asc(attendanceMarks.date), asc(attendanceMarks.session)),
    db.select().from(firstDayCalls).where(eq(firstDayCalls.pupilId, pupilId)),
    ofPlacements((ids) =>
      db.select().from(attendanceInterventions).where(inArray(attendanceInterventions.placementId, ids)),
    ),
    db.select().from(incidents).where(eq(incidents.pupilId, pupilId)).orderBy(asc(incidents.occurredAt)),
    ofPlacements((ids) =>
      db
        .select({
          respondent: voiceRequests.respondent,
          halfTerm: voiceRequests.halfTerm,
          answers: voiceRequests.answers,
          answeredAt: voiceRequests.answeredAt,
        })
        .from(voiceRequests)
        .where(inArray(voiceRequests.placementId, ids)),
    ),
    db
      .select({
        occurredAt: auditEvents.occurredAt,
        actorName: auditEvents.actorName,
        action: auditEvents.action,
      })
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'pupil'), eq(auditEvents.recordId, pupilId)))
      .orderBy(asc(auditEvents.occurredAt)),
    ofPlacements((ids) =>
      db
        .select()
        .from(placementTermChanges)
        .where(inArray(placementTermChanges.placementId, ids))
        .orderBy(asc(placementTermChanges.effectiveFrom)),
    ),
  ]);

  const callIds = calls.map((c) => c.id);
  const callLog = callIds.length
    ? await db.select().from(firstDayCallLog).where(inArray(firstDayCallLog.callId, callIds))
    : [];
  const kept = incidentRows.filter((i) => includeSafeguarding || !isSafeguarding(i.kind));
  const keptIds = kept.map((i) => i.id);
  const [actions, referrals] = keptIds.length
    ? await Promise.all([
        db.select().from(incidentActions).where(inArray(incidentActions.incidentId, keptIds)),
        db.select().from(incidentReferrals).where(inArray(incidentReferrals.incidentId, keptIds)),
      ])
    : [[], []];
  const withheld = incidentRows.length - kept.length;

  const result = {
    madeAt: now.toISOString(),
    madeBy: actor.displayName,
    pupil: {
      name: `${pupil.legalFirstName} ${pupil.legalLastName}`,
      preferredName: pupil.preferredName,
      school: schoolName,
      upn: pupil.upn,
      uln: pupil.uln,
      dateOfBirth: pupil.dateOfBirth,
      sex: pupil.sex,
      senStatus: pupil.senStatus,
      ehcpLocalAuthority: pupil.ehcpLocalAuthority,
      ehcpAnnualReviewOn: pupil.ehcpAnnualReviewOn,
      lookedAfter: pupil.lookedAfter,
      virtualSchoolContact: pupil.virtualSchoolContact,
      parents: pupil.parents,
      recordedAt: pupil.createdAt.toISOString(),
    },
    documents,
    placements: placementRows.map(({ placement: p, providerName }) => ({
      provider: providerName,
      type: p.type,
      status: p.status,
      reason: p.reason,
      startsOn: p.startsOn,
      plannedEndOn: p.plannedEndOn,
      endedOn: p.endedOn,
      agreement: p.agreement,
      objectives: p.objectives,
      reintegrationTargets: p.reintegrationTargets,
      sessions: p.sessions,
      timetableChanges: termChanges
        .filter((c) => c.placementId === p.id)
        .map((c) => ({
          from: c.effectiveFrom,
          sessionsBefore: c.previousSessions,
          reason: c.reason,
          by: c.changedByName,
          ehcpReviewRequired: c.ehcpReviewRequired,
        })),
      reviews: reviews.filter((r) => r.placementId === p.id),
      destination: destinations.find((d) => d.placementId === p.id) ?? null,
      sharedWithProvider: shares
        .filter((s) => s.placementId === p.id)
        .map((s) => ({ what: s.what, method: s.method, sharedOn: s.sharedOn, by: s.sharedByName })),
      communications: communications.filter((c) => c.placementId === p.id),
      directionReviews: directionReviewRows
        .filter((r) => r.placementId === p.id)
        .map((r) => ({
          kind: r.kind,
          on: r.on,
          requestedBy: r.requestedBy,
          outcome: r.outcome,
          note: r.note,
          by: r.recordedByName,
        })),
      interventions: interventions.filter((i) => i.placementId === p.id),
    })),
    attendance: marks,
    firstDayCalls: calls.map((c) => ({ ...c, log: callLog.filter((l) => l.callId === c.id) })),
    incidents: kept.map((i) => ({
      ...i,
      actions: actions.filter((a) => a.incidentId === i.id),
      referrals: referrals.filter((r) => r.incidentId === i.id),
    })),
    safeguarding: includeSafeguarding
      ? { included: true, decidedBy: actor.displayName }
      : {
          included: false,
          withheld,
          note: 'Safeguarding records are included only when a designated safeguarding lead decides to include them.',
        },
    voice,
    whoLookedAtThisRecord: views,
  };
  await recordAudit(
    db,
    { actor, ipAddress },
    {
      action: 'data_protection.subject_access_export',
      recordType: 'pupil',
      recordId: pupilId,
      schoolId: pupil.schoolId,
      summary: `Subject access export for ${result.pupil.name}${includeSafeguarding ? ', safeguarding records included by the DSL' : withheld ? `, ${withheld} safeguarding records left out` : ''}`,
    },
  );
  return result;
}

export type SubjectAccess = Awaited<ReturnType<typeof subjectAccessExport>>;
