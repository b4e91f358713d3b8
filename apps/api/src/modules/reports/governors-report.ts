/**
 * The termly governors' report (policy §5.1, §5.2, §13) for a school, a region or the group: AP usage,
 * provider quality, attendance, safeguarding (counts only), progress, reintegration and destinations,
 * voice, training and costs. Group and regional reports suppress counts under five.
 */
import {
  attendanceRateOfCounts,
  averageScores,
  costPerDayPence,
  destinationOutcomeLabels,
  hoursPerWeek,
  incidentKindLabels,
  placementOutcomeLabels,
  placementTypeLabels,
  planProgress,
  providerStatusLabels,
  type QaJudgement,
  type QaTerm,
  qaJudgementLabels,
  reviewDecisionLabels,
  suppress,
  suppressFigure,
  termsOf,
  toldSameDay,
} from '@waymark/domain';
import { recordAudit } from '../../lib/audit-log.ts';
import type { Reading } from '../../lib/use-case.ts';
import { firstDayCallsAtSchools, markCountsAtSchools } from '../attendance/attendance.repository.ts';
import { halfTermsOfTerm } from '../calendar/calendar.repository.ts';
import { incidentTimesAtSchools } from '../incidents/incidents.repository.ts';
import { destinationOutcomesOf, reviewsHeldBetween } from '../placements/placement-reviews.repository.ts';
import { placementRecords } from '../placements/placements.repository.ts';
import { listProviders } from '../providers/providers.usecases.ts';
import { completedVisitsBetween } from '../qa/qa.repository.ts';
import { trainingFiguresOn } from '../training/training.repository.ts';
import { voiceAnswersOfTerm } from '../voice/voice.repository.ts';
import { budgets } from './budgets.usecases.ts';
import { type ReportScope, reportErrors, scopeSchools } from './report-scope.ts';

export async function governorsReport({
  db,
  actor,
  ipAddress,
  scope,
  academicYear,
  term,
}: Reading & {
  ipAddress: string | null;
  scope: ReportScope;
  academicYear: string;
  term: 'autumn' | 'spring' | 'summer';
}) {
  const { schools: inScope, name } = await scopeSchools(db, actor, scope);
  const ids = inScope.map((s) => s.id);
  const small = scope.kind !== 'school';
  const count = (n: number) => suppress(n, small);
  const figure = (value: number | null, people: number) => suppressFigure(value, people, small);

  const terms = (await halfTermsOfTerm(db, ids, academicYear, term)) as QaTerm[];
  const [window] = termsOf(terms.map((t) => ({ ...t, academicYear, term })));
  if (!window) throw reportErrors.noTerm();
  const { startsOn: from, endsOn: to } = window;

  const live = await placementRecords(db, {
    schoolIds: ids,
    statuses: ['active', 'ended'],
    overlapping: { from, to },
  });
  const liveIds = live.map((p) => p.id);
  const period = { from, to };

  const [codeCounts, calls, incidentRows, reviews, destinations, voice, qa, training] = await Promise.all([
    markCountsAtSchools(db, ids, period),
    firstDayCallsAtSchools(db, ids, period),
    incidentTimesAtSchools(db, ids, period),
    reviewsHeldBetween(db, liveIds, period),
    destinationOutcomesOf(db, liveIds),
    voiceAnswersOfTerm(db, ids, academicYear, term),
    completedVisitsBetween(db, ids, period),
    trainingFiguresOn(db, ids, to),
  ]);
  const ended = live.filter((p) => p.endedOn && p.endedOn >= from && p.endedOn <= to);
  const plans = planProgress(live, reviews);
  const spend = await budgets({ db, actor, academicYear, today: to, schoolIds: ids });
  const budgetSet = spend.filter((b) => b.budgetPence !== null);

  const tally = <T extends string>(values: T[]) => {
    const out = new Map<T, number>();
    for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
    return [...out.entries()].sort((a, b) => b[1] - a[1]);
  };
  const providers = new Map(
    (await listProviders({ db, actor, filters: { sort: 'name' }, today: to })).providers.map((p) => [
      p.id,
      p,
    ]),
  );
  const usedProviders = [...new Set(live.map((p) => p.providerId))];

  // Attendance per school, and pupils with persistent or severe absence over the term.
  const bySchool = inScope.map((s) => {
    const placementsHere = new Set(live.filter((p) => p.schoolId === s.id).map((p) => p.id));
    const counts = codeCounts.filter((c) => placementsHere.has(c.placementId));
    return {
      school: s.name,
      rate: attendanceRateOfCounts(counts),
      pupils: new Set(counts.map((c) => c.placementId)).size,
    };
  });
  const perPlacement = liveIds.map((id) =>
    attendanceRateOfCounts(codeCounts.filter((c) => c.placementId === id)),
  );
  const overall = attendanceRateOfCounts(codeCounts);

  const report = {
    title: `Alternative provision: report to governors, ${term[0]!.toUpperCase()}${term.slice(1)} ${academicYear}`,
    scope: { kind: scope.kind, name },
    term: { academicYear, term, from, to },
    suppressed: small,
    usage: {
      pupils: count(new Set(live.map((p) => p.pupilId)).size),
      placements: count(live.length),
      hoursPerWeek: Math.round(
        live.filter((p) => p.status === 'active').reduce((sum, p) => sum + hoursPerWeek(p.sessions), 0),
      ),
      byType: tally(live.map((p) => placementTypeLabels[p.type])).map(([label, n]) => ({
        label,
        count: count(n),
      })),
      byProvider: tally(live.map((p) => providers.get(p.providerId)?.name ?? 'Provider')).map(
        ([label, n]) => ({ label, count: count(n) }),
      ),
    },
    providerQuality: {
      providers: usedProviders.map((id) => ({
        name: providers.get(id)?.name ?? '',
        status: providerStatusLabels[providers.get(id)?.status ?? 'draft'],
      })),
      qaVisits: count(qa.length),
      qaJudgements: tally(
        qa.map((v) => (v.overall ? qaJudgementLabels[v.overall as QaJudgement] : 'Not judged')),
      ).map(([label, n]) => ({
        label,
        count: count(n),
      })),
    },
    attendance: {
      attendancePercent: figure(
        overall.attendancePercent,
        new Set(codeCounts.map((c) => c.placementId)).size,
      ),
      bySchool: bySchool.map((b) => ({
        school: b.school,
        attendancePercent: figure(b.rate.attendancePercent, b.pupils),
        possible: figure(b.rate.possible, b.pupils),
      })),
      persistentAbsence: count(perPlacement.filter((r) => r.persistentAbsence).length),
      severeAbsence: count(perPlacement.filter((r) => r.severeAbsence).length),
      firstDayCalls: count(calls.length),
      callsClosedOnTheDay: count(
        calls.filter((c) => c.closedAt && c.closedAt.toISOString().slice(0, 10) === c.date).length,
      ),
    },
    safeguarding: {
      byKind: tally(incidentRows.map((i) => incidentKindLabels[i.kind])).map(([label, n]) => ({
        label,
        count: count(n),
      })),
      toldSameDayPercent: figure(
        incidentRows.length
          ? Math.round(
              (incidentRows.filter((i) => toldSameDay(i.occurredAt, i.schoolToldAt)).length /
                incidentRows.length) *
                100,
            )
          : null,
        incidentRows.length,
      ),
    },
    progress: {
      reviewsHeld: count(reviews.length),
      objectives: count(plans.objectives),
      objectivesReviewed: count(plans.objectivesReviewed),
      reintegrationTargets: count(plans.reintegrationTargets),
      reintegrationTargetsReviewed: count(plans.reintegrationTargetsReviewed),
      decisions: tally(
        reviews.map((r) => (r.decision ? reviewDecisionLabels[r.decision] : 'Not recorded')),
      ).map(([label, n]) => ({
        label,
        count: count(n),
      })),
    },
    transitions: {
      ended: count(ended.length),
      outcomes: tally(ended.map((p) => (p.outcome ? placementOutcomeLabels[p.outcome] : 'Not recorded'))).map(
        ([label, n]) => ({
          label,
          count: count(n),
        }),
      ),
      destinations: tally(destinations.map((d) => destinationOutcomeLabels[d.outcome!])).map(
        ([label, n]) => ({
          label,
          count: count(n),
        }),
      ),
    },
    voice: {
      // An average of one or two answers is someone's answer: suppressed like a count.
      pupil: averageScores(
        'pupil',
        voice.filter((v) => v.respondent === 'pupil').map((v) => v.answers!),
      ).map((q) => ({ ...q, responses: count(q.responses), average: figure(q.average, q.responses) })),
      parent: averageScores(
        'parent',
        voice.filter((v) => v.respondent === 'parent').map((v) => v.answers!),
      ).map((q) => ({ ...q, responses: count(q.responses), average: figure(q.average, q.responses) })),
      responses: count(voice.length),
    },
    training: {
      staff: count(training.staff),
      withTrainingInDate: count(training.inDate),
      reviewedInTheYear: count(training.reviewed),
    },
    costs: usedProviders
      .map((id) => {
        const costs = live
          .filter((p) => p.providerId === id)
          .map((p) => costPerDayPence(p.costPence, p.costPer))
          .filter((c): c is number => c !== null);
        return {
          provider: providers.get(id)?.name ?? '',
          placementsWithCost: count(costs.length),
          averagePerPupilPerDayPence: figure(
            costs.length ? Math.round(costs.reduce((a, b) => a + b, 0) / costs.length) : null,
            costs.length,
          ),
        };
      })
      .sort((a, b) => a.provider.localeCompare(b.provider)),
    /** The year's AP budget against spend to the term's end and the forecast to the year's end. */
    budget: {
      academicYear,
      spentToTermEndPence: spend.reduce((sum, b) => sum + b.spentToDatePence, 0),
      forecastPence: spend.reduce((sum, b) => sum + b.forecastPence, 0),
      budgetPence: budgetSet.length ? budgetSet.reduce((sum, b) => sum + b.budgetPence!, 0) : null,
      schoolsWithoutBudget: spend.length - budgetSet.length,
      bySchool: spend.map((b) => ({
        school: b.schoolName,
        budgetPence: b.budgetPence,
        spentToTermEndPence: b.spentToDatePence,
        forecastPence: b.forecastPence,
      })),
    },
    empty: live.length === 0,
  };
  await recordAudit(
    db,
    { actor, ipAddress },
    {
      action: 'reports.governors',
      recordType: scope.kind,
      recordId: scope.id,
      summary: `${report.title} for ${name}`,
    },
  );
  return report;
}

export type GovernorsReport = Awaited<ReturnType<typeof governorsReport>>;
