/**
 * A subject access export (UK GDPR Art. 15): everything Waymark holds about one pupil, as data and as a
 * readable PDF. Safeguarding records go in only when a DSL of the pupil's school decides so (they may
 * be withheld where disclosure would put the child at risk); otherwise the export says they were left
 * out and why. Making an export is recorded in the audit log.
 */
import { isSafeguarding } from '@waymark/domain';
import { reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { defineError } from '../../lib/errors.ts';
import type { Command } from '../../lib/use-case.ts';
import { attendanceOfPupil } from '../attendance/attendance.repository.ts';
import { eventsAbout } from '../audit-log/audit-log.repository.ts';
import { incidentFollowUps, incidentsOfPupil } from '../incidents/incidents.repository.ts';
import { schoolsInReachOf } from '../organisation/organisation.repository.ts';
import { placementHistoryOfPupil } from '../placements/placements.repository.ts';
import { documentListOf, pupilInReachOf } from '../pupils/pupils.repository.ts';
import { voiceAnswersOf } from '../voice/voice.repository.ts';

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
}: Command & { pupilId: string; includeSafeguarding: boolean }) {
  const found = await pupilInReachOf(db, actor, reachOf(actor, 'data_protection.manage'), pupilId);
  if (!found) throw subjectAccessErrors.notFound();
  const { pupil, schoolName } = found;
  if (includeSafeguarding) {
    const dslSchools = await schoolsInReachOf(db, actor, reachOf(actor, 'safeguarding.read'));
    if (!dslSchools.some((s) => s.id === pupil.schoolId)) throw subjectAccessErrors.dslOnly();
  }

  // Each feature answers for its own records of the pupil, through its front door.
  const history = await placementHistoryOfPupil(db, pupilId);
  const placementRows = history.placements;
  const placementIds = placementRows.map((p) => p.placement.id);
  const [documents, attendance, incidentRows, voice, views] = await Promise.all([
    documentListOf(db, pupilId),
    attendanceOfPupil(db, pupilId, placementIds),
    incidentsOfPupil(db, pupilId),
    voiceAnswersOf(db, placementIds),
    eventsAbout(db, { recordType: 'pupil', recordId: pupilId }).then((rows) =>
      rows.map(({ occurredAt, actorName, action }) => ({ occurredAt, actorName, action })),
    ),
  ]);
  const { reviews, destinations, shares, communications, termChanges } = history;
  const directionReviewRows = history.directionReviews;
  const { marks, calls, callLog, interventions } = attendance;
  const kept = incidentRows.filter((i) => includeSafeguarding || !isSafeguarding(i.kind));
  const { actions, referrals } = await incidentFollowUps(
    db,
    kept.map((i) => i.id),
  );
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
