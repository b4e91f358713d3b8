/**
 * Termly QA visits: the plan (which visits are due, from each school's terms and its placements), a
 * visit saved as a draft as often as the visitor likes (a version guards two devices), completed only
 * when every Appendix 5 line is judged, and the actions agreed with the provider.
 */
import {
  appendix5,
  dateInWords,
  overallQaJudgement,
  pupilDisplayName,
  type QaAnswers,
  qaVisitsDue,
  termsOf,
  unansweredQaLines,
} from '@waymark/domain';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { AppError, defineError } from '../../lib/errors.ts';
import { halfTermRowsOf } from '../calendar/calendar.repository.ts';
import { schoolNameOf, schoolsInReachOf } from '../organisation/organisation.repository.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { placementsWithPupils, placementTermRecords } from '../placements/placements.repository.ts';
import { providerNameOf, providersOfGroup } from '../providers/providers.repository.ts';
import { type PupilSeen, qaActions, qaVisits } from './qa.table.ts';

export const qaErrors = {
  notFound: defineError('qa.not_found', 404, 'There is no such QA visit at your schools.'),
  noPupils: defineError(
    'qa.no_pupils_placed',
    400,
    'No pupil from this school is placed with this provider, so there is nothing to visit.',
  ),
  completed: defineError('qa.completed', 409, 'This visit is completed; its report no longer changes.'),
  stale: defineError(
    'qa.changed_elsewhere',
    409,
    'This visit was saved from another device since you opened it. Reload it, then make your changes again.',
  ),
  actionNotFound: defineError('qa.action_not_found', 404, 'There is no such action.'),
};

type Command = { db: Database; actor: Actor; ipAddress: string | null; now: Date };

/** The visits due at the schools in reach: the current term and the one before. */
export async function qaSchedule({ db, actor, today }: { db: Database; actor: Actor; today: string }) {
  const schoolRows = await schoolsInReachOf(db, actor, reachOf(actor, 'qa.read'));
  const ids = schoolRows.map((s) => s.id);
  if (!ids.length) return [];
  const [terms, spans, visits, providerRows] = await Promise.all([
    halfTermRowsOf(db, ids),
    placementTermRecords(db, { schoolIds: ids, statuses: ['active', 'ended'] }),
    db
      .select({
        id: qaVisits.id,
        schoolId: qaVisits.schoolId,
        providerId: qaVisits.providerId,
        visitOn: qaVisits.visitOn,
        status: qaVisits.status,
      })
      .from(qaVisits)
      .where(inArray(qaVisits.schoolId, ids)),
    providersOfGroup(db, actor.groupId),
  ]);
  const termsBySchool = new Map(ids.map((id) => [id, termsOf(terms.filter((t) => t.schoolId === id))]));
  const due = qaVisitsDue({
    termsBySchool,
    placements: spans
      .filter((s) => s.startsOn)
      .map((s) => ({ ...s, startsOn: s.startsOn!, endsOn: s.endedOn ?? s.plannedEndOn })),
    visits,
    today,
  });
  const schoolName = new Map(schoolRows.map((s) => [s.id, s.name]));
  const providerName = new Map(providerRows.map((p) => [p.id, p.name]));
  return due.map((d) => ({
    ...d,
    schoolName: schoolName.get(d.schoolId) ?? '',
    providerName: providerName.get(d.providerId) ?? '',
    termLabel: `${d.term.term[0]!.toUpperCase()}${d.term.term.slice(1)} ${d.term.academicYear}`,
  }));
}

async function findVisit(db: Database, actor: Actor, visitId: string, permission: 'qa.read' | 'qa.manage') {
  const [found] = await db
    .select({
      visit: qaVisits,
      schoolName: schoolNameOf(qaVisits.schoolId),
      providerName: providerNameOf(qaVisits.providerId),
    })
    .from(qaVisits)
    .where(
      and(
        eq(qaVisits.id, visitId),
        eq(qaVisits.groupId, actor.groupId),
        schoolColumnInReach(db, actor, reachOf(actor, permission), qaVisits.schoolId),
      ),
    );
  if (!found) throw qaErrors.notFound();
  return found;
}

/** A visit with the template, the pupils placed there from its school, and the actions still open. */
export async function getVisit({ db, actor, visitId }: { db: Database; actor: Actor; visitId: string }) {
  const { visit, schoolName, providerName } = await findVisit(db, actor, visitId, 'qa.read');
  const [placed, actions] = await Promise.all([
    placementsWithPupils(db, {
      schoolIds: [visit.schoolId],
      providerIds: [visit.providerId],
      statuses: ['active'],
    }).then((rows) => rows.map((r) => ({ placementId: r.placement.id, pupil: r.pupil }))),
    db
      .select()
      .from(qaActions)
      .where(and(eq(qaActions.schoolId, visit.schoolId), eq(qaActions.providerId, visit.providerId)))
      .orderBy(asc(qaActions.dueOn)),
  ]);
  return {
    id: visit.id,
    schoolId: visit.schoolId,
    schoolName,
    providerId: visit.providerId,
    providerName,
    visitOn: visit.visitOn,
    visitors: visit.visitors,
    status: visit.status,
    overall: visit.overall,
    version: visit.version,
    answers: visit.answers,
    pupilsSeen: visit.pupilsSeen,
    completedByName: visit.completedByName,
    completedAt: visit.completedAt?.toISOString() ?? null,
    template: appendix5,
    placed: placed.map((p) => ({ placementId: p.placementId, pupilName: pupilDisplayName(p.pupil) })),
    // Open actions from any visit are carried here; done ones show only on the visit that raised them.
    actions: actions
      .filter((a) => !a.doneOn || a.visitId === visit.id)
      .map((a) => ({
        id: a.id,
        action: a.action,
        owner: a.owner,
        dueOn: a.dueOn,
        doneOn: a.doneOn,
        doneByName: a.doneByName,
        carried: a.visitId !== visit.id,
      })),
  };
}

export async function startVisit(
  { db, actor, ipAddress, now }: Command,
  input: { schoolId: string; providerId: string; visitOn: string },
) {
  return db.transaction(async (tx) => {
    const [placed] = await placementTermRecords(tx, {
      groupId: actor.groupId,
      schoolIds: [input.schoolId],
      providerIds: [input.providerId],
      statuses: ['referral', 'active', 'ended'],
      inReach: { actor, reach: reachOf(actor, 'qa.manage') },
    });
    if (!placed) throw qaErrors.noPupils();
    const [row] = await tx
      .insert(qaVisits)
      .values({
        groupId: actor.groupId,
        ...input,
        templateVersion: appendix5.version,
        createdByName: actor.displayName,
        createdAt: now,
      })
      .returning({ id: qaVisits.id });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'qa.visit_started',
        recordType: 'qa_visit',
        recordId: row!.id,
        schoolId: input.schoolId,
        summary: `QA visit of ${dateInWords(input.visitOn)} started`,
      },
    );
    return { id: row!.id };
  });
}

export async function saveVisitDraft(
  { db, actor, ipAddress }: Command,
  visitId: string,
  input: { version: number; visitOn: string; visitors: string; answers: QaAnswers; pupilsSeen: PupilSeen[] },
) {
  await db.transaction(async (tx) => {
    const { visit } = await findVisit(tx, actor, visitId, 'qa.manage');
    if (visit.status === 'completed') throw qaErrors.completed();
    const saved = await tx
      .update(qaVisits)
      .set({
        visitOn: input.visitOn,
        visitors: input.visitors,
        answers: input.answers,
        pupilsSeen: input.pupilsSeen,
        version: input.version + 1,
      })
      .where(and(eq(qaVisits.id, visitId), eq(qaVisits.version, input.version)))
      .returning({ id: qaVisits.id });
    if (!saved.length) throw qaErrors.stale();
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'qa.visit_saved',
        recordType: 'qa_visit',
        recordId: visitId,
        schoolId: visit.schoolId,
        summary: 'QA visit draft saved',
      },
    );
  });
}

export async function completeVisit({ db, actor, ipAddress, now }: Command, visitId: string) {
  await db.transaction(async (tx) => {
    const { visit } = await findVisit(tx, actor, visitId, 'qa.manage');
    if (visit.status === 'completed') throw qaErrors.completed();
    const missing = unansweredQaLines(appendix5, visit.answers);
    if (missing.length)
      throw new AppError(
        'qa.incomplete',
        400,
        `${missing.length} line${missing.length === 1 ? ' is' : 's are'} not judged yet.`,
        missing.map((m) => ({ path: `answers.${m.lineId}`, message: `${m.areaTitle}: ${m.text}` })),
      );
    if (!visit.visitors.trim())
      throw new AppError('qa.incomplete', 400, 'Say who made the visit.', [
        { path: 'visitors', message: 'Say who made the visit' },
      ]);
    const overall = overallQaJudgement(visit.answers);
    await tx
      .update(qaVisits)
      .set({ status: 'completed', overall, completedByName: actor.displayName, completedAt: now })
      .where(eq(qaVisits.id, visitId));
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'qa.visit_completed',
        recordType: 'qa_visit',
        recordId: visitId,
        schoolId: visit.schoolId,
        summary: `QA visit of ${dateInWords(visit.visitOn)} completed: overall ${overall ?? 'not judged'}`,
      },
    );
  });
}

export async function addQaAction(
  { db, actor, ipAddress, now }: Command,
  visitId: string,
  input: { action: string; owner: string; dueOn: string },
) {
  return db.transaction(async (tx) => {
    const { visit } = await findVisit(tx, actor, visitId, 'qa.manage');
    const [row] = await tx
      .insert(qaActions)
      .values({
        groupId: actor.groupId,
        schoolId: visit.schoolId,
        providerId: visit.providerId,
        visitId,
        ...input,
        recordedAt: now,
      })
      .returning({ id: qaActions.id });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'qa.action_added',
        recordType: 'qa_visit',
        recordId: visitId,
        schoolId: visit.schoolId,
        summary: `Action for ${input.owner} by ${dateInWords(input.dueOn)}: ${input.action}`,
      },
    );
    return { id: row!.id };
  });
}

export async function completeQaAction({ db, actor, ipAddress }: Command, actionId: string, today: string) {
  await db.transaction(async (tx) => {
    const [action] = await tx
      .select()
      .from(qaActions)
      .where(
        and(
          eq(qaActions.id, actionId),
          eq(qaActions.groupId, actor.groupId),
          isNull(qaActions.doneOn),
          schoolColumnInReach(tx, actor, reachOf(actor, 'qa.manage'), qaActions.schoolId),
        ),
      );
    if (!action) throw qaErrors.actionNotFound();
    await tx
      .update(qaActions)
      .set({ doneOn: today, doneByName: actor.displayName })
      .where(eq(qaActions.id, actionId));
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'qa.action_done',
        recordType: 'qa_visit',
        recordId: action.visitId,
        schoolId: action.schoolId,
        summary: `Action done: ${action.action}`,
      },
    );
  });
}
