/** Incidents rising, silence and drift: what a placement's records say before a crisis does. */
import { addDays, dateInWords, type IsoDate, toDayNumber } from '../calendar/iso-date.ts';
import type { SchoolCalendar } from '../calendar/school-calendar.ts';
import { type HalfTerm, halfTermLabel } from '../calendar/term-dates.ts';
import { directionLastDay, progressRecordedSince } from '../obligations/placement-obligations.ts';
import { progressReportWindows } from '../placements/progress-report-windows.ts';
import { type EarlyWarning, type WarningSubject, warningKey } from './early-warnings.ts';
import type { WarningSettings } from './warning-settings.ts';

const placementLink = (subject: WarningSubject) => `/placements/${subject.placementId}`;
const daysFrom = (from: IsoDate, to: IsoDate) => toDayNumber(to) - toDayNumber(from);

/** More behaviour or restraint incidents in the last weeks than in the same number of weeks before. */
export function incidentsRisingWarning(
  subject: WarningSubject,
  { incidentDates, today }: { incidentDates: readonly IsoDate[]; today: IsoDate },
  settings: Pick<WarningSettings, 'incidentWindowWeeks'>,
): EarlyWarning | null {
  const days = settings.incidentWindowWeeks * 7;
  const recentFrom = addDays(today, -(days - 1));
  const earlierFrom = addDays(recentFrom, -days);
  const recent = incidentDates.filter((d) => d >= recentFrom && d <= today).length;
  const earlier = incidentDates.filter((d) => d >= earlierFrom && d < recentFrom).length;
  if (recent <= earlier) return null;
  const weeks = `${settings.incidentWindowWeeks} week${settings.incidentWindowWeeks === 1 ? '' : 's'}`;
  return {
    ...subject,
    key: warningKey('incidents_rising', subject),
    kind: 'incidents_rising',
    reason: `${recent} behaviour or restraint incident${recent === 1 ? '' : 's'} in the last ${weeks}, up from ${earlier} in the ${weeks} before.`,
    measure: recent,
    step: 1,
    action: { label: 'Read the incidents and talk to the provider', link: placementLink(subject) },
  };
}

/** No contact logged with the provider about the pupil (calls, emails, meetings, visits, reviews). */
export function noContactWarning(
  subject: WarningSubject,
  { lastContactOn, startsOn, today }: { lastContactOn: IsoDate | null; startsOn: IsoDate; today: IsoDate },
  settings: Pick<WarningSettings, 'silenceDays'>,
): EarlyWarning | null {
  const since = lastContactOn && lastContactOn > startsOn ? lastContactOn : startsOn;
  const days = daysFrom(since, today);
  if (days < settings.silenceDays) return null;
  return {
    ...subject,
    key: warningKey('no_contact', subject),
    kind: 'no_contact',
    reason: lastContactOn
      ? `No contact with ${subject.providerName} about ${subject.pupilName} logged since ${dateInWords(lastContactOn)} (${days} days).`
      : `No contact with ${subject.providerName} about ${subject.pupilName} logged since the placement started on ${dateInWords(startsOn)} (${days} days).`,
    // Each further stretch of silence as long as the setting brings it back.
    measure: Math.floor(days / settings.silenceDays),
    step: 1,
    action: { label: 'Call the provider and log the contact', link: placementLink(subject) },
  };
}

/**
 * No progress report from the provider for the latest completed half-terms the pupil was placed for
 * throughout, each judged by its reporting window (`progressReportWindows`).
 */
export function noProgressReportWarning(
  subject: WarningSubject,
  {
    reportDates,
    startsOn,
    halfTerms,
    today,
  }: { reportDates: readonly IsoDate[]; startsOn: IsoDate; halfTerms: readonly HalfTerm[]; today: IsoDate },
  settings: Pick<WarningSettings, 'progressReportHalfTerms'>,
): EarlyWarning | null {
  const windows = progressReportWindows(halfTerms);
  const missed: HalfTerm[] = [];
  for (let i = windows.length - 1; i >= 0; i--) {
    const { halfTerm: h, from, until } = windows[i]!;
    if (h.endsOn >= today) continue; // not over yet
    if (from < startsOn) break; // the pupil was not placed for all of it
    if (reportDates.some((d) => d >= from && d <= until)) break;
    missed.push(h);
  }
  if (missed.length < settings.progressReportHalfTerms) return null;
  return {
    ...subject,
    key: warningKey('no_progress_report', subject),
    kind: 'no_progress_report',
    reason:
      missed.length === 1
        ? `No progress report from ${subject.providerName} for ${halfTermLabel(missed[0]!)} ${missed[0]!.academicYear}.`
        : `No progress report from ${subject.providerName} for the last ${missed.length} half-terms.`,
    measure: missed.length,
    step: 1,
    action: { label: 'Ask the provider for a progress report', link: placementLink(subject) },
  };
}

/** Reintegration targets past their date with no progress recorded at a review held on or after it. */
export function targetOverdueWarning(
  subject: WarningSubject,
  {
    targets,
    reviews,
    today,
  }: {
    targets: readonly { id: string; text: string; targetDate?: IsoDate | undefined }[];
    reviews: readonly {
      completedOn: IsoDate | null;
      progress: readonly { targetId: string; progress: string }[];
    }[];
    today: IsoDate;
  },
): EarlyWarning | null {
  const overdue = targets.filter(
    (t) => t.targetDate && t.targetDate < today && !progressRecordedSince(t, reviews),
  );
  if (!overdue.length) return null;
  const first = overdue[0]!;
  return {
    ...subject,
    key: warningKey('target_overdue', subject),
    kind: 'target_overdue',
    reason:
      overdue.length === 1
        ? `Reintegration target “${first.text}” passed its date, ${dateInWords(first.targetDate!)}, with no progress recorded.`
        : `${overdue.length} reintegration targets have passed their dates with no progress recorded (the first: “${first.text}”, ${dateInWords(first.targetDate!)}).`,
    measure: overdue.length,
    step: 1,
    action: { label: 'Review progress against the targets', link: placementLink(subject) },
  };
}

/** An off-site direction within the notice days of its agreed maximum period, or past it. */
export function directionEndingWarning(
  subject: WarningSubject,
  {
    startsOn,
    maximumDays,
    calendar,
    today,
  }: {
    startsOn: IsoDate | null;
    maximumDays: number | null;
    calendar: Pick<SchoolCalendar, 'addSchoolDays'>;
    today: IsoDate;
  },
  settings: Pick<WarningSettings, 'directionNoticeDays'>,
): EarlyWarning | null {
  const lastDay = directionLastDay({ startsOn, maximumDays }, calendar);
  if (!lastDay) return null;
  const left = daysFrom(today, lastDay);
  if (left > settings.directionNoticeDays) return null;
  return {
    ...subject,
    key: warningKey('direction_ending', subject),
    kind: 'direction_ending',
    reason:
      left >= 0
        ? `The off-site direction reaches its agreed maximum of ${maximumDays} school days on ${dateInWords(lastDay)}, in ${left} day${left === 1 ? '' : 's'}.`
        : `The off-site direction passed its agreed maximum of ${maximumDays} school days on ${dateInWords(lastDay)}.`,
    measure: left >= 0 ? 1 : 2,
    step: 1,
    action: { label: 'Review the direction: extend, end or return', link: placementLink(subject) },
  };
}
