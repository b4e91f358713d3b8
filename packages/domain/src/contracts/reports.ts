/**
 * Request and response shapes of the report routes: the termly governors' report (as data; the PDF
 * is drawn from the same figures) and each school's AP budget against spend.
 *
 * A count or figure is a number, or "fewer than 5" where a region's or the group's report hides a
 * small number (report-figures.ts); a figure is null where there was nothing to measure.
 */
import { z } from 'zod';

const academicYear = z.string().regex(/^\d{4}\/\d{2}$/, 'Give the academic year as 2025/26');
const termName = z.enum(['autumn', 'spring', 'summer'], { message: 'Choose the term' });

export const reportQuerySchema = z.object({
  scope: z.enum(['school', 'region', 'group'], { message: 'Choose a school, a region or the group' }),
  id: z.uuid({ message: 'Choose which one' }),
  academicYear,
  term: termName,
});

export const budgetsQuerySchema = z
  .object({
    academicYear,
    scope: reportQuerySchema.shape.scope.optional(),
    id: reportQuerySchema.shape.id.optional(),
  })
  .refine((q) => (q.scope === undefined) === (q.id === undefined), {
    message: 'Give both the scope and its id, or neither',
    path: ['id'],
  });

export const budgetBodySchema = z.strictObject({
  academicYear,
  amountPounds: z
    .number({ error: 'Give the budget in pounds' })
    .min(0, 'The budget cannot be negative')
    .max(100_000_000),
});

export const schoolBudgetSchema = z.object({
  schoolId: z.uuid(),
  schoolName: z.string(),
  budgetPence: z.number().nullable(),
  spentToDatePence: z.number(),
  forecastPence: z.number(),
  remainingPence: z.number().nullable(),
});

export const budgetsSchema = z.object({ budgets: z.array(schoolBudgetSchema) });

const reportCount = z.union([z.number(), z.literal('fewer than 5')]);
const reportFigure = reportCount.nullable();
const tallied = z.array(z.object({ label: z.string(), count: reportCount }));
const voiceAverages = z.array(
  z.object({ questionId: z.string(), text: z.string(), responses: reportCount, average: reportFigure }),
);

export const governorsReportSchema = z.object({
  title: z.string(),
  scope: z.object({ kind: z.enum(['school', 'region', 'group']), name: z.string() }),
  term: z.object({ academicYear: z.string(), term: termName, from: z.string(), to: z.string() }),
  /** True where small numbers are hidden (a region's or the group's report). */
  suppressed: z.boolean(),
  /** True where no placement was live in the term. */
  empty: z.boolean(),
  usage: z.object({
    pupils: reportCount,
    placements: reportCount,
    hoursPerWeek: z.number(),
    byType: tallied,
    byProvider: tallied,
  }),
  providerQuality: z.object({
    providers: z.array(z.object({ name: z.string(), status: z.string() })),
    qaVisits: reportCount,
    qaJudgements: tallied,
  }),
  attendance: z.object({
    attendancePercent: reportFigure,
    bySchool: z.array(
      z.object({ school: z.string(), attendancePercent: reportFigure, possible: reportFigure }),
    ),
    persistentAbsence: reportCount,
    severeAbsence: reportCount,
    firstDayCalls: reportCount,
    callsClosedOnTheDay: reportCount,
  }),
  safeguarding: z.object({ byKind: tallied, toldSameDayPercent: reportFigure }),
  progress: z.object({
    reviewsHeld: reportCount,
    objectives: reportCount,
    objectivesReviewed: reportCount,
    reintegrationTargets: reportCount,
    reintegrationTargetsReviewed: reportCount,
    decisions: tallied,
  }),
  transitions: z.object({ ended: reportCount, outcomes: tallied, destinations: tallied }),
  voice: z.object({ responses: reportCount, pupil: voiceAverages, parent: voiceAverages }),
  training: z.object({ staff: reportCount, withTrainingInDate: reportCount, reviewedInTheYear: reportCount }),
  costs: z.array(
    z.object({
      provider: z.string(),
      placementsWithCost: reportCount,
      averagePerPupilPerDayPence: reportFigure,
    }),
  ),
  budget: z.object({
    academicYear: z.string(),
    budgetPence: z.number().nullable(),
    spentToTermEndPence: z.number(),
    forecastPence: z.number(),
    schoolsWithoutBudget: z.number(),
    bySchool: z.array(
      z.object({
        school: z.string(),
        budgetPence: z.number().nullable(),
        spentToTermEndPence: z.number(),
        forecastPence: z.number(),
      }),
    ),
  }),
});

export type GovernorsReport = z.infer<typeof governorsReportSchema>;
export type SchoolBudget = z.infer<typeof schoolBudgetSchema>;
