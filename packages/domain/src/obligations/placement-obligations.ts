/**
 * What a placement asks of the school (policy §7, §11, §12): half-termly reviews, EHCP reviews a
 * material change calls for, reintegration targets reaching their date, an off-site direction reaching
 * its agreed maximum or asked to be reviewed, and the half-term's pupil and parent voice links.
 */
import { addDays, dateInWords } from '../calendar/iso-date.ts';
import type { SchoolCalendar } from '../calendar/school-calendar.ts';
import { continuesAfterLeaving } from '../census/census.ts';
import { directionReviewRequestState } from '../placements/direction-reviews.ts';
import { type ReducedTimetableTerms, reducedTimetableProblems } from '../placements/reduced-timetable.ts';
import type { Obligation, ObligationPlace } from './obligations.ts';

/**
 * How many school days before its planned start a referral's unmet checks show on the board, unless
 * the group sets another number (`referralNoticeSchoolDays` in the warning settings).
 */
export const REFERRAL_CHECK_NOTICE_SCHOOL_DAYS = 10;

/**
 * A referral that cannot start yet, with its planned start within the notice (ten school days unless
 * the group sets another) or passed: each missing item is a duty, due on the start date, so the start
 * is not missed for want of one.
 */
export function referralCheckObligations(
  placement: PlacementOnBoard,
  referral: { startsOn: string | null; blockers: readonly { path: string; message: string }[] },
  calendar: Pick<SchoolCalendar, 'schoolDaysBetween'> | null,
  today: string,
  noticeSchoolDays = REFERRAL_CHECK_NOTICE_SCHOOL_DAYS,
): Obligation[] {
  const { startsOn } = referral;
  if (!startsOn || referral.blockers.length === 0) return [];
  // Without term dates the school days cannot be counted: as many weeks as five school days make.
  const near =
    startsOn <= today ||
    (calendar
      ? calendar.schoolDaysBetween(today, startsOn) <= noticeSchoolDays
      : startsOn <= addDays(today, Math.ceil((noticeSchoolDays * 7) / 5)));
  if (!near) return [];
  return referral.blockers.map((b) => ({
    kind: 'referral_check' as const,
    title: `${placement.pupilName} at ${placement.providerName}, starting ${dateInWords(startsOn)}: ${b.message}`,
    dueOn: startsOn,
    link: linkTo(placement),
    ...placeOf(placement),
  }));
}

/** A reduced timetable without an end or review date, past its end, or coming up to its review. */
export function reducedTimetableObligations(
  placement: PlacementOnBoard,
  reduced: ReducedTimetableTerms | null,
  today: string,
): Obligation[] {
  if (!reduced) return [];
  return reducedTimetableProblems(reduced, today).map(({ problem, dueOn }) => ({
    kind: 'reduced_timetable' as const,
    title: `${placement.pupilName} at ${placement.providerName}: ${problem}`,
    dueOn,
    link: linkTo(placement),
    ...placeOf(placement),
  }));
}

/**
 * A placement recorded as running after its pupil left the roll (census rule 2372): due the day they
 * left, until its end date is corrected.
 */
export function offRollPlacementObligations(
  placement: PlacementOnBoard,
  facts: { pupilLeftOn: string | null; status: 'active' | 'ended'; endedOn: string | null },
): Obligation[] {
  const how = continuesAfterLeaving(facts);
  if (!how || !facts.pupilLeftOn) return [];
  return [
    {
      kind: 'off_roll_placement' as const,
      title: `${placement.pupilName} left the roll on ${dateInWords(facts.pupilLeftOn)} but the placement at ${placement.providerName} ${how}: correct its end date (census rule 2372)`,
      dueOn: facts.pupilLeftOn,
      link: linkTo(placement),
      ...placeOf(placement),
    },
  ];
}

/** How long before its date a reintegration target shows on the board. */
export const REINTEGRATION_TARGET_NOTICE_DAYS = 14;

export interface PlacementOnBoard extends ObligationPlace {
  placementId: string;
  pupilName: string;
  providerName: string;
}

const linkTo = (p: PlacementOnBoard) => `/placements/${p.placementId}`;
const placeOf = (p: PlacementOnBoard): ObligationPlace => ({
  schoolId: p.schoolId,
  schoolName: p.schoolName,
});

/** A review not yet held, due on its date. */
export function placementReviewObligations(
  placement: PlacementOnBoard,
  review: { halfTerm: string; dueOn: string; completedOn: string | null },
): Obligation[] {
  if (review.completedOn) return [];
  return [
    {
      kind: 'placement_review',
      title: `${review.halfTerm} review of ${placement.pupilName} at ${placement.providerName}`,
      dueOn: review.dueOn,
      link: linkTo(placement),
      ...placeOf(placement),
    },
  ];
}

/** A review found a material change for a pupil with an EHCP: the review is due from that day until arranged. */
export function ehcpReviewObligations(
  placement: PlacementOnBoard,
  flag: { localAuthority: string | null; flaggedOn: string | null; arrangedOn: string | null },
  today: string,
): Obligation[] {
  if (flag.arrangedOn) return [];
  return [
    {
      kind: 'ehcp_review',
      title: `EHCP review for ${placement.pupilName} (${flag.localAuthority ?? 'local authority'})`,
      dueOn: flag.flaggedOn ?? today,
      link: linkTo(placement),
      ...placeOf(placement),
    },
  ];
}

/** Whether a review held on or after the target's date recorded progress against it (blank is not). */
export function progressRecordedSince(
  target: { id: string; targetDate?: string | undefined },
  reviews: readonly {
    completedOn: string | null;
    progress: readonly { targetId: string; progress: string }[];
  }[],
): boolean {
  const due = target.targetDate;
  return reviews.some(
    (r) =>
      r.completedOn !== null &&
      (!due || r.completedOn >= due) &&
      r.progress.some((p) => p.targetId === target.id && p.progress.trim() !== ''),
  );
}

/**
 * The last school day an off-site direction may run: its start plus its agreed number of school days.
 * Null without both, or without term dates that far ahead (the day cannot be known).
 */
export function directionLastDay(
  direction: { startsOn: string | null; maximumDays: number | null },
  calendar: Pick<SchoolCalendar, 'addSchoolDays'>,
): string | null {
  if (!direction.startsOn || !direction.maximumDays) return null;
  try {
    return calendar.addSchoolDays(direction.startsOn, direction.maximumDays - 1);
  } catch {
    return null;
  }
}

/**
 * A reintegration target with a date shows from two weeks before it until a review held on or after
 * the date records progress against it.
 */
export function reintegrationTargetObligations(
  placement: PlacementOnBoard,
  target: { id: string; text: string; targetDate?: string | undefined },
  reviews: readonly {
    completedOn: string | null;
    progress: readonly { targetId: string; progress: string }[];
  }[],
  today: string,
): Obligation[] {
  const due = target.targetDate;
  if (!due || due > addDays(today, REINTEGRATION_TARGET_NOTICE_DAYS)) return [];
  if (progressRecordedSince(target, reviews)) return [];
  const short = target.text.length > 80 ? `${target.text.slice(0, 77)}…` : target.text;
  return [
    {
      kind: 'reintegration_target',
      title: `${placement.pupilName}'s reintegration target: ${short}`,
      dueOn: due,
      link: linkTo(placement),
      ...placeOf(placement),
    },
  ];
}

/**
 * An off-site direction may last only its agreed number of school days: review or end it by the last
 * of them. Without term dates that far ahead the day cannot be known, so nothing is shown.
 */
export function offSiteDirectionEndObligations(
  placement: PlacementOnBoard,
  direction: { startsOn: string | null; maximumDays: number | null },
  calendar: Pick<SchoolCalendar, 'addSchoolDays'>,
): Obligation[] {
  const lastDay = directionLastDay(direction, calendar);
  if (!lastDay) return [];
  return [
    {
      kind: 'off_site_direction_end',
      title: `${placement.pupilName}'s off-site direction reaches its ${direction.maximumDays} days: review or end it`,
      dueOn: lastDay,
      link: linkTo(placement),
      ...placeOf(placement),
    },
  ];
}

/** A voice link not yet sent, while the request is open; an expired request is the next half-term's. */
export function voiceRequestObligations(
  placement: PlacementOnBoard,
  request: {
    respondent: 'pupil' | 'parent';
    halfTerm: string;
    expiresOn: string;
    linkIssuedAt: Date | null;
    answeredAt: Date | null;
  },
  today: string,
): Obligation[] {
  if (request.linkIssuedAt || request.answeredAt || request.expiresOn < today) return [];
  const whose =
    request.respondent === 'pupil' ? `${placement.pupilName}'s` : `${placement.pupilName}'s parent's`;
  return [
    {
      kind: 'voice_request',
      title: `Send ${whose} voice link (${request.halfTerm})`,
      dueOn: request.expiresOn,
      link: linkTo(placement),
      ...placeOf(placement),
    },
  ];
}

/** A request for the governing board to review an off-site direction, owed until the board holds one. */
export function directionReviewObligations(
  placement: PlacementOnBoard,
  requests: readonly { requestedOn: string }[],
  heldOn: readonly string[],
): Obligation[] {
  return requests
    .filter((r) => directionReviewRequestState(r.requestedOn, heldOn).state === 'to_hold')
    .map((r) => ({
      kind: 'off_site_direction_review' as const,
      title: `Governing board review of ${placement.pupilName}'s off-site direction, asked for on ${dateInWords(r.requestedOn)}`,
      // Owed from the day it was asked for: the board should meet as soon as it reasonably can.
      dueOn: r.requestedOn,
      link: linkTo(placement),
      ...placeOf(placement),
    }));
}
