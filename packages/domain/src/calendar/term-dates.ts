/**
 * Term dates as a school enters them: six half-terms a year, plus INSET and other closure days.
 * A half-term runs from its first to its last day in school, INSET days included; INSET days are then
 * recorded as closures, because pupils are not in school on them.
 */
import { z } from 'zod';
import { isoDateSchema } from './iso-date-schema.ts';

export const termNames = ['autumn', 'spring', 'summer'] as const;
export type TermName = (typeof termNames)[number];

export const closureKinds = ['inset', 'closure'] as const;
export type ClosureKind = (typeof closureKinds)[number];

export const academicYearSchema = z
  .string()
  .regex(/^\d{4}\/\d{2}$/, 'Use the form 2025/26')
  .refine((value) => {
    const start = Number(value.slice(0, 4));
    return (start + 1) % 100 === Number(value.slice(5));
  }, 'The second year must follow the first, as in 2025/26');

export const halfTermInputSchema = z
  .strictObject({
    academicYear: academicYearSchema,
    term: z.enum(termNames),
    half: z.union([z.literal(1), z.literal(2)]),
    startsOn: isoDateSchema,
    endsOn: isoDateSchema,
  })
  .refine((h) => h.startsOn <= h.endsOn, {
    message: 'The last day must be on or after the first day',
    path: ['endsOn'],
  });

export type HalfTermInput = z.infer<typeof halfTermInputSchema>;

export interface HalfTerm {
  academicYear: string;
  term: TermName;
  half: 1 | 2;
  startsOn: string;
  endsOn: string;
}

export interface ClosureDay {
  date: string;
  kind: ClosureKind;
  note: string;
}

export interface BankHoliday {
  date: string;
  title: string;
}

const termLabels: Record<TermName, string> = { autumn: 'Autumn', spring: 'Spring', summer: 'Summer' };

/** "Autumn 1", "Spring 2": the names schools use. */
export function halfTermLabel(halfTerm: Pick<HalfTerm, 'term' | 'half'>): string {
  return `${termLabels[halfTerm.term]} ${halfTerm.half}`;
}

/** Order of half-terms within a year: Autumn 1 = 0 … Summer 2 = 5. */
export function halfTermIndex(halfTerm: Pick<HalfTerm, 'term' | 'half'>): number {
  return termNames.indexOf(halfTerm.term) * 2 + (halfTerm.half - 1);
}

/** The academic year that starts in August of the given calendar year, as "2025/26". */
export function academicYearStartingIn(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/** The academic year (1 August to 31 July) a date falls in. */
export function academicYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  return academicYearStartingIn(Number(date.slice(5, 7)) >= 8 ? year : year - 1);
}

/** The academic year `years` before (negative) or after (positive) the given one. */
export function shiftAcademicYear(academicYear: string, years: number): string {
  return academicYearStartingIn(Number(academicYear.slice(0, 4)) + years);
}
