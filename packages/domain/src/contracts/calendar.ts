/**
 * Request and response shapes of the school calendar routes (term dates, closures, bank holidays and
 * the school-day checker): the API validates and documents with them, the web takes its types from them.
 */
import { z } from 'zod';
import { isoDateSchema } from '../calendar/iso-date-schema.ts';
import { nonSchoolDayReasons } from '../calendar/school-calendar.ts';
import { academicYearSchema, closureKinds, halfTermInputSchema, termNames } from '../calendar/term-dates.ts';

export const schoolParamsSchema = z.object({ schoolId: z.uuid({ message: 'Not a school id' }) });

export const termDatesQuerySchema = z.object({ academicYear: academicYearSchema });

export const closureDayInputSchema = z.strictObject({
  date: isoDateSchema,
  kind: z.enum(closureKinds),
  note: z.string().trim().max(200).default(''),
});

export const replaceTermDatesBodySchema = z.strictObject({
  academicYear: academicYearSchema,
  halfTerms: z.array(halfTermInputSchema).max(6, 'A year has six half-terms'),
  closureDays: z.array(closureDayInputSchema).max(40).default([]),
});

const halfTermViewSchema = z.object({
  academicYear: z.string(),
  term: z.enum(termNames),
  half: z.union([z.literal(1), z.literal(2)]),
  label: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  schoolDays: z.number().int().meta({ description: 'Days pupils are in school in this half-term' }),
});

export const termDatesViewSchema = z.object({
  schoolId: z.uuid(),
  schoolName: z.string(),
  academicYear: z.string(),
  availableYears: z.array(z.string()),
  halfTerms: z.array(halfTermViewSchema),
  closureDays: z.array(z.object({ date: z.string(), kind: z.enum(closureKinds), note: z.string() })),
  bankHolidays: z.array(z.object({ date: z.string(), title: z.string() })),
  totalSchoolDays: z.number().int(),
});

export const dayQuerySchema = z.object({
  date: isoDateSchema,
  addSchoolDays: z.coerce.number().int().min(-400).max(400).optional(),
});

export const dayViewSchema = z.object({
  date: z.string(),
  isSchoolDay: z.boolean(),
  reason: z.enum(nonSchoolDayReasons).nullable(),
  note: z.string().nullable(),
  halfTerm: z.string().nullable(),
  plusSchoolDays: z.object({ n: z.number().int(), date: z.string() }).nullable(),
});

export const bankHolidayListSchema = z.object({
  bankHolidays: z.array(z.object({ date: z.string(), title: z.string() })),
});

export const bankHolidayImportResultSchema = z.object({
  received: z.number().int(),
  added: z.number().int(),
});

export type TermDates = z.infer<typeof termDatesViewSchema>;
export type TermDatesRequest = z.input<typeof replaceTermDatesBodySchema>;
export type DayView = z.infer<typeof dayViewSchema>;
export type BankHolidayImportResult = z.infer<typeof bankHolidayImportResultSchema>;
