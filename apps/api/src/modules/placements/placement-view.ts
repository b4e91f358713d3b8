/**
 * Everything the placement page shows, gathered in one place: the pupil, the provider and where it
 * stands, the plan, the registration it implies, what stops it starting, the reviews and the record
 * of everything that happened (from the audit log, which already holds each change).
 */
import {
  hoursPerWeek,
  isRegisteredSetting,
  providerStatusLabels,
  pupilDisplayName,
  registrationFor,
  reviewState,
  startBlockers,
  type TimetableSession,
  yearGroupOn,
} from '@waymark/domain';
import { and, asc, eq, gte, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { eventsAbout } from '../audit-log/audit-log.repository.ts';
import { loadSchoolCalendars } from '../calendar/calendar.usecases.ts';
import { evaluateProviders } from '../providers/approval-facts.ts';
import { countLive, type LiveCounts, liveRegistrationCounts } from '../providers/live-registration.ts';
import { presentRegistration } from '../providers/providers.presenter.ts';
import { providersById } from '../providers/providers.repository.ts';
import { communicationsOf, directionReviewsOf, sharesOf } from './placement-records.ts';
import { placementsErrors } from './placements.errors.ts';
import {
  type PlacementSelection,
  placementsWithPupils,
  registrationFactsOf,
} from './placements.repository.ts';
import {
  placementDestinations,
  placementReviews,
  placements,
  placementTermChanges,
} from './placements.table.ts';

export type PlacementPermission = 'placements.read' | 'placements.manage' | 'attendance.read';

/** Placements in the actor's reach with their pupil, provider and school name, narrowed by `selection`. */
async function placementsInReach(
  db: Database,
  actor: Actor,
  permission: PlacementPermission,
  selection: Omit<PlacementSelection, 'groupId' | 'inReach'>,
) {
  const rows = await placementsWithPupils(db, {
    ...selection,
    groupId: actor.groupId,
    inReach: { actor, reach: reachOf(actor, permission) },
  });
  // The provider's whole record (approval reads it), from the providers' front door.
  const providerOf = await providersById(
    db,
    rows.map((r) => r.placement.providerId),
  );
  return rows.flatMap((row) => {
    const provider = providerOf.get(row.placement.providerId);
    return provider ? [{ ...row, provider }] : [];
  });
}

export async function findPlacementInReach(
  db: Database,
  actor: Actor,
  placementId: string,
  permission: PlacementPermission,
) {
  const [found] = await placementsInReach(db, actor, permission, { ids: [placementId] });
  if (!found) throw placementsErrors.notFound();
  return found;
}

/** Referrals in reach planned to start on or before `lastDay`, as `findPlacementInReach` gives each. */
export function referralsStartingBy(db: Database, actor: Actor, lastDay: string) {
  return placementsInReach(db, actor, 'placements.read', {
    statuses: ['referral'],
    where: and(isNotNull(placements.startsOn), lte(placements.startsOn, lastDay))!,
  });
}

/** Placements in reach still running after their pupil left the roll, or recorded as ending later. */
export function placementsAfterLeaving(db: Database, actor: Actor) {
  return placementsInReach(db, actor, 'placements.read', { outlivedTheirPupilsRoll: true });
}

/** Placements in reach with a reduced timetable that ran at some time from `from` to `to`. */
export function placementsWithReducedTimetable(
  db: Database,
  actor: Actor,
  { schoolId, from, to }: { schoolId?: string | undefined; from: string; to: string },
) {
  return placementsInReach(db, actor, 'attendance.read', {
    statuses: ['active', 'ended'],
    ...(schoolId ? { schoolIds: [schoolId] } : {}),
    where: and(
      isNotNull(placements.reducedTimetable),
      lte(placements.startsOn, to),
      or(isNull(placements.endedOn), gte(placements.endedOn, from)),
    )!,
  });
}

export type FoundPlacement = Awaited<ReturnType<typeof findPlacementInReach>>;

/** The facts `startBlockers` needs, from a placement as stored. */
export async function blockersOf(db: Database, found: FoundPlacement, today: string) {
  return (await blockersOfEach(db, [found], today))[0]!;
}

/**
 * What stands in the way of starting each of these placements. Reads once for them all — the
 * providers' approval, the schools' calendars, the providers' live placements — so a board that
 * checks every referral of a trust asks a handful of queries, not a handful per referral.
 */
export async function blockersOfEach(db: Database, rows: readonly FoundPlacement[], today: string) {
  if (!rows.length) return [];
  const providers = [...new Map(rows.map((r) => [r.provider.id, r.provider])).values()];
  // One after another: `db` may be a transaction, whose one connection takes one query at a time.
  const evaluations = await evaluateProviders(db, providers, today);
  const calendars = await loadSchoolCalendars(
    db,
    rows.map((r) => r.placement.schoolId),
  );
  const referrals = rows.filter((r) => r.placement.status === 'referral');
  const live = referrals.length
    ? await registrationFactsOf(db, [...new Set(referrals.map((r) => r.provider.id))])
    : [];
  return rows.map((found) => {
    const { placement: p, pupil, provider } = found;
    const evaluation = evaluations.get(provider.id)!;
    const yearGroup = yearGroupOn(pupil.dateOfBirth, p.startsOn ?? today);
    const calendar = calendars.get(p.schoolId)!;
    // The alarm itself, not the approval step: a check not yet carried out lapses approval, not this.
    const registrationAlarm = evaluation.registration?.alarm ?? false;
    const registrationIfStarted =
      p.status === 'referral' && !registrationAlarm
        ? registrationFinding(
            provider,
            countLive(
              live.filter((l) => l.providerId === provider.id),
              today,
              assumedRunning(found, p.sessions),
            ),
          )
        : null;
    const blockers = startBlockers(
      {
        type: p.type,
        providerApproved: evaluation.status === 'approved',
        providerStatusLabel: providerStatusLabels[evaluation.status],
        registrationAlarm,
        registrationIfStarted,
        startsOn: p.startsOn,
        plannedEndOn: p.plannedEndOn,
        sessions: p.sessions,
        objectives: p.objectives.length,
        reintegrationTargets: p.reintegrationTargets.length,
        targetsMissingPost16Link:
          yearGroup >= 9 ? p.reintegrationTargets.filter((t) => !t.post16Link).length : 0,
        agreementRecorded: Boolean(p.agreement?.agreed),
        managedMoveConsent: Boolean(p.agreement?.voluntaryConsent),
        referralSent: p.referralSentAt !== null,
        offSiteDirection:
          p.type === 'off_site_direction'
            ? { maximumDays: p.maximumDays, noticeGivenOn: p.noticeGivenOn }
            : null,
      },
      calendar.coverage ? calendar : null,
    );
    return { evaluation, registrationAlarm, blockers, calendar, yearGroup };
  });
}

const assumedRunning = ({ placement: p, pupil, provider }: FoundPlacement, sessions: TimetableSession[]) => ({
  placementId: p.id,
  providerId: provider.id,
  sessions,
  pupil,
});

/** The registration test's finding put in words, counting the placement assumed to run. */
function registrationFinding(provider: FoundPlacement['provider'], counts: Map<string, LiveCounts>) {
  const finding = presentRegistration(provider, counts.get(provider.id));
  if (!finding) return null;
  return {
    alarm: finding.alarm,
    reason: `${finding.fullTimePupils} full-time ${finding.fullTimePupils === 1 ? 'pupil' : 'pupils'} of compulsory school age, ${finding.fullTimePupilsLookedAfterOrEhcp} looked after or with an EHCP, counting this one`,
  };
}

/**
 * The registration test as it would stand with this placement running on `sessions` (started, or its
 * timetable changed), in place of how it is stored now; the counts say why.
 */
export async function registrationWith(
  db: Database,
  found: FoundPlacement,
  sessions: TimetableSession[],
  today: string,
) {
  const { provider } = found;
  return registrationFinding(
    provider,
    await liveRegistrationCounts(db, [provider.id], today, assumedRunning(found, sessions)),
  );
}

export async function presentPlacement(db: Database, found: FoundPlacement, today: string) {
  const { placement: p, pupil, provider, schoolName } = found;
  const { evaluation, registrationAlarm, blockers, yearGroup } = await blockersOf(db, found, today);
  const [reviews, [destination], timeline, termChanges] = await Promise.all([
    db
      .select()
      .from(placementReviews)
      .where(eq(placementReviews.placementId, p.id))
      .orderBy(asc(placementReviews.dueOn)),
    db.select().from(placementDestinations).where(eq(placementDestinations.placementId, p.id)),
    // Who looked is in the audit log; the timeline is what happened.
    eventsAbout(db, {
      recordType: 'placement',
      recordId: p.id,
      except: 'placements.viewed',
      newestFirst: true,
      limit: 200,
    }),
    db
      .select()
      .from(placementTermChanges)
      .where(eq(placementTermChanges.placementId, p.id))
      .orderBy(asc(placementTermChanges.effectiveFrom)),
  ]);
  // Each change with the timetable it brought in: the next change's "previous", or the latest.
  const termHistory = termChanges.map((c, i) => {
    const next = termChanges[i + 1];
    const sessions = next ? next.previousSessions : p.sessions;
    return {
      id: c.id,
      effectiveFrom: c.effectiveFrom,
      reason: c.reason,
      changedBy: c.changedByName,
      changedAt: c.changedAt.toISOString(),
      hoursBefore: hoursPerWeek(c.previousSessions),
      hoursAfter: hoursPerWeek(sessions),
      daysBefore: new Set(c.previousSessions.map((s) => s.day)).size,
      daysAfter: new Set(sessions.map((s) => s.day)).size,
      ehcpReviewRequired: c.ehcpReviewRequired,
      ehcpReviewArrangedOn: c.ehcpReviewArrangedOn,
    };
  });
  return {
    id: p.id,
    status: p.status,
    type: p.type,
    reason: p.reason,
    school: { id: p.schoolId, name: schoolName },
    pupil: {
      id: pupil.id,
      displayName: pupilDisplayName(pupil),
      upn: pupil.upn,
      yearGroup,
      senStatus: pupil.senStatus,
      lookedAfter: pupil.lookedAfter,
    },
    provider: {
      id: provider.id,
      name: provider.name,
      status: evaluation.status,
      registrationAlarm,
    },
    registration: registrationFor(isRegisteredSetting(provider.settingType, provider.dfeNumber), p.type),
    startsOn: p.startsOn,
    plannedEndOn: p.plannedEndOn,
    agreement: p.agreement,
    objectives: p.objectives,
    reintegrationTargets: p.reintegrationTargets,
    induction: p.induction,
    sessions: p.sessions,
    hoursPerWeek: hoursPerWeek(p.sessions),
    reducedTimetable: p.reducedTimetable,
    termChanges: termHistory,
    referralSentAt: p.referralSentAt?.toISOString() ?? null,
    costPence: p.costPence,
    costPer: p.costPer,
    funding: p.funding,
    maximumDays: p.maximumDays,
    attendanceTargetPercent: p.attendanceTargetPercent,
    noticeGivenOn: p.noticeGivenOn,
    laInformedOn: p.laInformedOn,
    laInformedHow: p.laInformedHow,
    endedOn: p.endedOn,
    endReason: p.endReason,
    outcome: p.outcome,
    ehcpReviewOnMove: { required: p.ehcpReviewOnMove, arrangedOn: p.ehcpReviewOnMoveArrangedOn },
    blockers: p.status === 'referral' ? blockers : [],
    reviews: reviews.map((r) => ({
      id: r.id,
      halfTerm: `${r.halfTerm} ${r.academicYear}`,
      dueOn: r.dueOn,
      state: reviewState(r, today),
      completedOn: r.completedOn,
      progress: r.progress ?? [],
      attendancePercent: r.attendancePercent,
      behaviour: r.behaviour,
      pupilView: r.pupilView,
      parentView: r.parentView,
      decision: r.decision,
      materialChange: r.materialChange,
      ehcpReviewRequired: r.ehcpReviewRequired,
      ehcpReviewArrangedOn: r.ehcpReviewArrangedOn,
    })),
    destination: destination
      ? {
          destinationYearStarts: destination.destinationYearStarts,
          months: destination.months,
          outcome: destination.outcome,
          description: destination.description,
        }
      : null,
    shared: await sharesOf(db, p.id),
    communications: await communicationsOf(db, p.id),
    directionReviews: await directionReviewsOf(db, p.id),
    timeline: timeline.map((t) => ({ at: t.occurredAt.toISOString(), by: t.actorName, what: t.summary })),
    version: p.version,
  };
}
