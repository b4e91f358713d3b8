/**
 * Changes a provider must tell the school about (Appendix 2 undertakings), each with the time it must
 * come within: same day for a change of DSL, deputy or senior leadership; before deployment for a new
 * member of staff; one working day for a safeguarding policy or filtering/monitoring change; and a
 * written filtering and monitoring assurance every term. A change of DSL, deputy DSL or senior
 * leadership makes a new safeguarding assurance letter due: the assurance was given by people who may
 * no longer be in post.
 */
import { z } from 'zod';
import { addDays, type IsoDate, isValidIsoDate, isWeekend } from '../calendar/iso-date.ts';
import { isoDateSchema } from '../calendar/iso-date-schema.ts';
import type { BankHoliday } from '../calendar/term-dates.ts';

export const providerNoticeKinds = [
  'dsl_change',
  'deputy_dsl_change',
  'senior_leadership_change',
  'new_staff',
  'safeguarding_policy_change',
  'filtering_monitoring_change',
  'filtering_assurance',
] as const;
export type ProviderNoticeKind = (typeof providerNoticeKinds)[number];

export const providerNoticeLabels: Record<ProviderNoticeKind, string> = {
  dsl_change: 'A new designated safeguarding lead (DSL)',
  deputy_dsl_change: 'A new deputy DSL',
  senior_leadership_change: 'A change of senior leadership',
  new_staff: 'A new member of staff, volunteer or contractor to work with pupils',
  safeguarding_policy_change: 'A change to the safeguarding policy',
  filtering_monitoring_change: 'A change to internet filtering or monitoring',
  filtering_assurance: 'Termly written assurance of filtering and monitoring',
};

/** Notices after which the last safeguarding assurance letter no longer counts. */
export const noticesThatMakeALetterDue: readonly ProviderNoticeKind[] = [
  'dsl_change',
  'deputy_dsl_change',
  'senior_leadership_change',
];

/** Notices that name who holds a role now: the provider's record is updated to match. */
export const noticesThatNameAPerson: readonly ProviderNoticeKind[] = ['dsl_change', 'deputy_dsl_change'];

/** How soon after the change the school must hear of it (Appendix 2). */
export const noticeDeadlineKinds = ['same_day', 'before_deployment', 'one_working_day', 'termly'] as const;
export type NoticeDeadline = (typeof noticeDeadlineKinds)[number];
/** Read after "due": "Late: due within one working day". */
export const noticeDeadlineLabels: Record<NoticeDeadline, string> = {
  same_day: 'the same day',
  before_deployment: 'before they start',
  one_working_day: 'within one working day',
  termly: 'every term',
};

export const noticeDeadlines: Record<ProviderNoticeKind, NoticeDeadline> = {
  dsl_change: 'same_day',
  deputy_dsl_change: 'same_day',
  senior_leadership_change: 'same_day',
  new_staff: 'before_deployment',
  safeguarding_policy_change: 'one_working_day',
  filtering_monitoring_change: 'one_working_day',
  filtering_assurance: 'termly',
};

/** The next working day (not a weekend or bank holiday) after a date. */
export function nextWorkingDay(date: IsoDate, bankHolidays: readonly BankHoliday[]): IsoDate {
  const holidays = new Set(bankHolidays.map((h) => h.date));
  let day = addDays(date, 1);
  while (isWeekend(day) || holidays.has(day)) day = addDays(day, 1);
  return day;
}

/**
 * Whether a notice came later than the undertaking allows, comparing London dates: the change's date
 * and the date the school was told. A new member of staff must be notified before they start.
 */
export function isLateNotice(
  kind: ProviderNoticeKind,
  effectiveOn: IsoDate,
  toldOn: IsoDate,
  bankHolidays: readonly BankHoliday[],
): boolean {
  switch (noticeDeadlines[kind]) {
    case 'same_day':
      return toldOn > effectiveOn;
    case 'before_deployment':
      return toldOn > effectiveOn;
    case 'one_working_day':
      return toldOn > nextWorkingDay(effectiveOn, bankHolidays);
    case 'termly':
      return false;
  }
}

/** The term a date falls in, for the termly assurance: autumn September–December, spring January–March, summer April–August. */
export function assuranceTermOf(date: IsoDate): { label: string; startsOn: IsoDate; endsOn: IsoDate } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (month >= 9) return { label: `Autumn ${year}`, startsOn: `${year}-09-01`, endsOn: `${year}-12-31` };
  if (month <= 3) return { label: `Spring ${year}`, startsOn: `${year}-01-01`, endsOn: `${year}-03-31` };
  return { label: `Summer ${year}`, startsOn: `${year}-04-01`, endsOn: `${year}-08-31` };
}

/**
 * The termly filtering and monitoring assurance for the term `today` is in: given once the latest is
 * dated on or after the term's first day, otherwise owed since that day.
 */
export function termlyAssurance(lastGivenOn: IsoDate | null | undefined, today: IsoDate) {
  const term = assuranceTermOf(today);
  return { term, given: Boolean(lastGivenOn && lastGivenOn >= term.startsOn) };
}

const whatChanged = 'Say what changed: who left, who took over, and their role';

export const providerNoticeInputSchema = z
  .strictObject({
    kind: z.enum(providerNoticeKinds, { message: 'Choose what has changed' }),
    effectiveOn: z
      .string({ error: 'Enter the date the change takes effect' })
      .min(1, 'Enter the date the change takes effect')
      // An empty date has its own message above; an aborting check would hide the other fields' rules.
      .refine((v) => v === '' || isValidIsoDate(v), { message: 'Enter a real date in the form YYYY-MM-DD' })
      .meta({ format: 'date', example: '2026-01-05' }),
    details: z
      .string({ error: whatChanged })
      .trim()
      .min(3, whatChanged)
      .max(2000, 'Keep this under 2,000 characters'),
    /** For a new member of staff: the provider confirms in writing that every Appendix 2 check is complete. */
    checksAssured: z.boolean().optional(),
    /** For a new DSL or deputy: who it is now, so the provider's record says so too. */
    newPerson: z
      .strictObject({
        name: z.string().trim().min(1, 'Enter the new lead’s name').max(120),
        trainedOn: isoDateSchema.nullable().optional(),
      })
      .optional(),
  })
  .superRefine((notice, ctx) => {
    if (noticesThatNameAPerson.includes(notice.kind) && !notice.newPerson)
      ctx.addIssue({
        code: 'custom',
        path: ['newPerson', 'name'],
        message: 'Enter the new lead’s name: the provider’s record will show them',
      });
    if (notice.kind === 'new_staff' && notice.checksAssured !== true)
      ctx.addIssue({
        code: 'custom',
        path: ['checksAssured'],
        message:
          'Confirm that every check is complete. Until it is, they must not work with the school’s pupils',
      });
  });
export type ProviderNoticeInput = z.infer<typeof providerNoticeInputSchema>;
