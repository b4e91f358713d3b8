/**
 * The inspection-ready pack: everything an inspector asks about a school's pupils educated off-site,
 * for a school and a date — the pupils, their providers' assurance, each placement's oversight and
 * everything overdue. Safeguarding appears as a count of open concerns only, for every reader.
 */
import {
  attendanceRateOfCounts,
  checkInsuranceCover,
  type HalfTerm,
  hoursPerWeek,
  isRegisteredSetting,
  placementTypeLabels,
  providerStatusLabels,
  pupilDisplayName,
  registrationFor,
  weekdayLabels,
  yearGroupOn,
} from '@waymark/domain';
import { actorAtSchool, reachOf } from '../../lib/actor.ts';
import { fieldError } from '../../lib/errors.ts';
import type { Reading } from '../../lib/use-case.ts';
import { markCountsSplit } from '../attendance/attendance.repository.ts';
import { createCalendarRepository } from '../calendar/calendar.repository.ts';
import { openSafeguardingCounts } from '../incidents/incidents.repository.ts';
import { whatIsDue } from '../obligations/obligations.usecases.ts';
import { schoolInReachOf } from '../organisation/organisation.repository.ts';
import { reviewDatesOf } from '../placements/placement-reviews.repository.ts';
import { withTermsOn } from '../placements/placement-terms.ts';
import { placementsWithPupils } from '../placements/placements.repository.ts';
import { evaluateProviders } from '../providers/approval-facts.ts';
import {
  insuranceOf,
  lastApprovalDates,
  providersById,
  safeguardingLetterDates,
} from '../providers/providers.repository.ts';
import { completedVisitsTo, openActionCounts } from '../qa/qa.repository.ts';
import { qaSchedule } from '../qa/qa.usecases.ts';
import { lastPupilAnswers } from '../voice/voice.repository.ts';

export type InspectionPack = Awaited<ReturnType<typeof inspectionPack>>;

/** The first day of the term and of the academic year that `date` falls in (or last began before it). */
function termAndYearStart(terms: readonly HalfTerm[], date: string) {
  const begun = [...terms]
    .filter((h) => h.startsOn <= date)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const current = begun.at(-1);
  if (!current) return null;
  const sameYear = terms.filter((h) => h.academicYear === current.academicYear);
  const first = (list: readonly HalfTerm[]) => list.map((h) => h.startsOn).sort()[0]!;
  return { termFrom: first(sameYear.filter((h) => h.term === current.term)), yearFrom: first(sameYear) };
}

const percentOf = (rows: { code: string; count: number }[]) => attendanceRateOfCounts(rows).attendancePercent;

export async function inspectionPack({
  db,
  actor,
  schoolId,
  date,
  today,
}: Reading & { schoolId: string; date: string; today: string }) {
  if (date > today)
    throw fieldError('inspection_pack.future', 'date', 'The pack is for today or a day before');
  const school = await schoolInReachOf(db, actor, reachOf(actor, 'inspection_pack.read'), schoolId);
  if (!school) throw fieldError('inspection_pack.unknown_school', 'school', 'Choose one of your schools');

  const placed = await placementsWithPupils(db, { schoolIds: [schoolId], placedOn: date });
  const providerOf = await providersById(
    db,
    placed.map((r) => r.placement.providerId),
  );
  const found = placed.map((r) => ({ ...r, provider: providerOf.get(r.placement.providerId)! }));
  // The pack is of one day: each timetable as it stood that day.
  const onTheDay = await withTermsOn(
    db,
    found.map((r) => r.placement),
    date,
  );
  const rows = found.map((r, i) => ({ ...r, placement: onTheDay[i]! }));
  const placementIds = rows.map((r) => r.placement.id);
  const providerRows = [...new Map(rows.map((r) => [r.provider.id, r.provider])).values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const providerIds = providerRows.map((p) => p.id);
  const { halfTerms } = await createCalendarRepository({ db }).calendarsOfSchools([schoolId]);
  const spans = termAndYearStart(halfTerms, date);
  const none = <T>(): Promise<T[]> => Promise.resolve([]);
  // The QA plan and the board are wanted for this school only: asked as the person at this school.
  const atSchool = actorAtSchool(actor, school);

  const [
    attendance,
    reviews,
    concerns,
    voice,
    evaluations,
    letters,
    decisions,
    insurance,
    visits,
    actions,
    schedule,
    board,
  ] = await Promise.all([
    spans
      ? markCountsSplit(db, placementIds, { from: spans.yearFrom, to: date, splitOn: spans.termFrom })
      : none<{ placementId: string; code: string; inTerm: boolean; count: number }>(),
    reviewDatesOf(db, placementIds),
    openSafeguardingCounts(db, placementIds),
    lastPupilAnswers(db, placementIds),
    evaluateProviders(db, providerRows, date),
    safeguardingLetterDates(db, providerIds),
    lastApprovalDates(db, providerIds),
    insuranceOf(db, providerIds),
    completedVisitsTo(db, schoolId, providerIds, date),
    openActionCounts(db, schoolId, providerIds),
    qaSchedule({ db, actor: atSchool, today: date }),
    whatIsDue({ db, actor: atSchool, today: date }),
  ]);

  const byPlacement = <T extends { placementId: string | null }>(list: T[]) =>
    new Map(list.map((r) => [r.placementId, r]));
  const reviewOf = byPlacement(reviews);
  const concernsOf = byPlacement(concerns);
  const voiceOf = byPlacement(voice);

  const pupilsInAp = rows.map(({ placement: p, pupil, provider }) => {
    const dual = isRegisteredSetting(provider.settingType, provider.dfeNumber);
    return {
      placementId: p.id,
      pupilId: pupil.id,
      pupilName: pupilDisplayName(pupil),
      upn: pupil.upn,
      yearGroup: yearGroupOn(pupil.dateOfBirth, date),
      providerId: provider.id,
      providerName: provider.name,
      type: placementTypeLabels[p.type],
      days: [...new Set(p.sessions.map((s) => weekdayLabels[s.day]))],
      hoursPerWeek: hoursPerWeek(p.sessions),
      startsOn: p.startsOn,
      registration: registrationFor(dual, p.type).code,
      ehcp: pupil.senStatus === 'ehcp',
      lookedAfter: pupil.lookedAfter,
      reason: p.reason,
      objectives: p.objectives.map((o) => o.text),
      link: `/placements/${p.id}`,
    };
  });

  const providersUsed = providerRows.map((provider) => {
    const evaluation = evaluations.get(provider.id)!;
    const cover = checkInsuranceCover(
      insurance
        .filter((i) => i.providerId === provider.id)
        .map((i) => ({ ...i, expiresOn: String(i.expiresOn) })),
      date,
    ).filter((c) => c.policy);
    const insuranceExpiresOn = cover.map((c) => c.policy!.expiresOn).sort()[0] ?? null;
    const lastVisit = visits.find((v) => v.providerId === provider.id) ?? null;
    const open = actions.find((a) => a.providerId === provider.id);
    const step = (id: string) => evaluation.steps.find((s) => s.id === id);
    const lastAudit = evaluation.lastAudit;
    return {
      providerId: provider.id,
      name: provider.name,
      status: providerStatusLabels[evaluation.status],
      approvedOn: decisions.find((d) => d.providerId === provider.id)?.on ?? null,
      lastAudit: lastAudit
        ? {
            on: lastAudit.visitedAt.toISOString().slice(0, 10),
            outcome:
              lastAudit.status === 'draft'
                ? 'In progress'
                : lastAudit.answers.suitable?.answer === 'yes'
                  ? 'Suitable'
                  : 'Not found suitable',
            link: `/audits/${lastAudit.id}`,
          }
        : null,
      letterOn: letters.find((l) => l.providerId === provider.id)?.on ?? null,
      letterOverdue: step('letter')?.done === false,
      insuranceExpiresOn,
      insuranceOverdue: step('insurance')?.done === false,
      lastQaVisit: lastVisit
        ? { on: lastVisit.visitOn, overall: lastVisit.overall, link: `/qa/visits/${lastVisit.id}` }
        : null,
      qaOverdue: schedule.some(
        (v) => v.providerId === provider.id && v.schoolId === schoolId && v.status === 'overdue',
      ),
      openActions: open?.count ?? 0,
      actionsOverdue: Boolean(open?.due && open.due < date),
      link: `/providers/${provider.id}`,
    };
  });

  const oversight = rows.map(({ placement: p, pupil, provider }) => {
    const counts = attendance.filter((a) => a.placementId === p.id);
    const review = reviewOf.get(p.id);
    return {
      placementId: p.id,
      pupilName: pupilDisplayName(pupil),
      providerName: provider.name,
      attendanceTerm: percentOf(counts.filter((c) => c.inTerm)),
      attendanceYear: percentOf(counts),
      lastReviewOn: review?.lastHeld ?? null,
      nextReviewOn: review?.nextDue ?? null,
      reviewOverdue: Boolean(review?.nextDue && review.nextDue < date),
      openSafeguardingConcerns: concernsOf.get(p.id)?.count ?? 0,
      lastPupilVoiceOn: voiceOf.get(p.id)?.last ?? null,
      link: `/placements/${p.id}`,
      attendanceLink: `/pupils/${pupil.id}`,
    };
  });

  // The board's overdue duties at this school, and those of the providers its pupils attend.
  const providerLinks = new Set(providersUsed.map((p) => p.link));
  const overdue = board.items
    .filter(
      (i) =>
        i.urgency === 'overdue' &&
        (i.schoolId === schoolId ||
          (i.schoolId === null && [...providerLinks].some((l) => i.link.startsWith(l)))),
    )
    .map((i) => ({ title: i.title, dueOn: i.dueOn, link: i.link }));

  return {
    school: { id: school.id, name: school.name },
    date,
    termFrom: spans?.termFrom ?? null,
    yearFrom: spans?.yearFrom ?? null,
    pupils: pupilsInAp,
    providers: providersUsed,
    placements: oversight,
    overdue,
  };
}
