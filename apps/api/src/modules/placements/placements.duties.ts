/** The AP lead's placement duties on the board: reviews, targets, off-site directions, referral checks, EHCP reviews. */
import {
  addDays,
  directionReviewObligations,
  ehcpReviewObligations,
  offRollPlacementObligations,
  offSiteDirectionEndObligations,
  type PlacementOnBoard,
  placementReviewObligations,
  pupilDisplayName,
  reducedTimetableObligations,
  referralCheckObligations,
  reintegrationTargetObligations,
} from '@waymark/domain';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { reachOf } from '../../lib/actor.ts';
import { loadSchoolCalendars } from '../calendar/calendar.usecases.ts';
import { type Collector, placementSchools } from '../obligations/collect.ts';
import { schoolNameOf } from '../organisation/organisation.repository.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { providerNameOf } from '../providers/providers.repository.ts';
import { pupilNamesByIds } from '../pupils/pupils.repository.ts';
import { settingsOf } from '../warnings/warnings.usecases.ts';
import { directionReviewDates } from './direction-reviews.usecases.ts';
import { ehcpReviewsToArrange } from './ehcp-reviews.usecases.ts';
import { blockersOfEach, placementsAfterLeaving, referralsStartingBy } from './placement-view.ts';
import { placementReviews, placements } from './placements.table.ts';

export const placementWork: Collector = async (db, actor, today) => {
  const live = and(
    eq(placements.groupId, actor.groupId),
    eq(placements.status, 'active'),
    schoolColumnInReach(db, actor, reachOf(actor, 'placements.read'), placements.schoolId),
  );
  // Reviews not yet held, and every review of a placement with a dated target (the rule reads them
  // to see whether progress was recorded); read beside the placements, joined rather than listed.
  const reviewsRead = db
    .select({
      placementId: placementReviews.placementId,
      halfTerm: placementReviews.halfTerm,
      dueOn: placementReviews.dueOn,
      completedOn: placementReviews.completedOn,
      progress: placementReviews.progress,
    })
    .from(placementReviews)
    .innerJoin(placements, eq(placements.id, placementReviews.placementId))
    .where(
      and(
        live,
        or(
          isNull(placementReviews.completedOn),
          sql`jsonb_path_exists(${placements.reintegrationTargets}, '$[*].targetDate')`,
        ),
      ),
    );
  const rows = await db
    .select({
      placement: {
        id: placements.id,
        schoolId: placements.schoolId,
        type: placements.type,
        startsOn: placements.startsOn,
        maximumDays: placements.maximumDays,
        reintegrationTargets: placements.reintegrationTargets,
        reducedTimetable: placements.reducedTimetable,
      },
      pupilId: placements.pupilId,
      providerName: providerNameOf(placements.providerId),
      schoolName: schoolNameOf(placements.schoolId),
    })
    .from(placements)
    .where(live);
  if (!rows.length) return [];
  const directions = rows.filter((r) => r.placement.type === 'off_site_direction');
  const [reviews, calendars, boardReviews, pupilNames] = await Promise.all([
    reviewsRead,
    loadSchoolCalendars(
      db,
      directions.map((r) => r.placement.schoolId),
    ),
    directionReviewDates(
      db,
      directions.map((r) => r.placement.id),
    ),
    pupilNamesByIds(
      db,
      rows.map((r) => r.pupilId),
    ),
  ]);
  const reviewsOf = new Map<string, typeof reviews>();
  for (const r of reviews) reviewsOf.set(r.placementId, [...(reviewsOf.get(r.placementId) ?? []), r]);
  return rows.flatMap(({ placement: p, pupilId, providerName, schoolName }) => {
    const here: PlacementOnBoard = {
      placementId: p.id,
      pupilName: pupilNames.get(pupilId) ?? '',
      providerName,
      schoolId: p.schoolId,
      schoolName,
    };
    const held = (reviewsOf.get(p.id) ?? []).map((r) => ({ ...r, progress: r.progress ?? [] }));
    return [
      ...held.flatMap((r) => placementReviewObligations(here, r)),
      ...p.reintegrationTargets.flatMap((t) => reintegrationTargetObligations(here, t, held, today)),
      ...reducedTimetableObligations(here, p.reducedTimetable, today),
      ...(p.type === 'off_site_direction'
        ? [
            ...offSiteDirectionEndObligations(here, p, calendars.get(p.schoolId)!),
            ...directionReviewObligations(
              here,
              boardReviews.get(p.id)?.requests ?? [],
              boardReviews.get(p.id)?.heldOn ?? [],
            ),
          ]
        : []),
    ];
  });
};

export const referralChecks: Collector = async (db, actor, today) => {
  const notice = (await settingsOf(db, actor.groupId)).referralNoticeSchoolDays;
  // The notice's school days as whole weeks, plus the summer holiday (the longest, up to seven weeks):
  // later starts need no checking yet.
  const rows = await referralsStartingBy(db, actor, addDays(today, Math.ceil(notice / 5) * 7 + 49));
  const checked = await blockersOfEach(db, rows, today);
  return rows.flatMap((row, i) => {
    const { blockers, calendar } = checked[i]!;
    const here: PlacementOnBoard = {
      placementId: row.placement.id,
      pupilName: pupilDisplayName(row.pupil),
      providerName: row.provider.name,
      schoolId: row.placement.schoolId,
      schoolName: row.schoolName,
    };
    return referralCheckObligations(
      here,
      { startsOn: row.placement.startsOn, blockers },
      calendar.coverage ? calendar : null,
      today,
      notice,
    );
  });
};

export const offRollPlacements: Collector = async (db, actor) =>
  (await placementsAfterLeaving(db, actor)).flatMap(({ placement: p, pupil, provider, schoolName }) =>
    offRollPlacementObligations(
      {
        placementId: p.id,
        pupilName: pupilDisplayName(pupil),
        providerName: provider.name,
        schoolId: p.schoolId,
        schoolName,
      },
      { pupilLeftOn: pupil.leftOn, status: p.status as 'active' | 'ended', endedOn: p.endedOn },
    ),
  );

export const ehcpReviews: Collector = async (db, actor, today) => {
  const rows = await ehcpReviewsToArrange({ db, actor });
  const schoolOf = await placementSchools(
    db,
    rows.map((r) => r.placementId),
  );
  return rows.flatMap((r) =>
    ehcpReviewObligations(
      { ...r, ...schoolOf(r.placementId) },
      { localAuthority: r.localAuthority, flaggedOn: r.flaggedOn, arrangedOn: null },
      today,
    ),
  );
};
