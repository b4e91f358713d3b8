/**
 * Request and response shapes of the attendance routes: the API validates and documents with these,
 * and the web takes its types from them, so the two cannot drift.
 */
import { z } from 'zod';
import { absenceReasons, providerMarks } from '../attendance/codes.ts';
import { callSteps } from '../attendance/first-day-calls.ts';
import { isoDateSchema } from '../calendar/iso-date-schema.ts';
import { nonSchoolDayReasons } from '../calendar/school-calendar.ts';

export const session = z.enum(['am', 'pm'], { message: 'Choose the morning or afternoon session' });
export const callParams = z.object({ callId: z.uuid({ message: 'Not a first-day call id' }) });

export const registerSchema = z.object({
  date: z.string(),
  pupils: z.array(
    z.object({
      placementId: z.uuid(),
      pupilName: z.string(),
      schoolName: z.string(),
      providerName: z.string(),
      sessions: z.array(
        z.object({
          session,
          dueBy: z.string(),
          mark: z.enum(providerMarks).nullable(),
          reason: z.enum(absenceReasons).nullable(),
          late: z.boolean(),
        }),
      ),
    }),
  ),
});

/** Around a day of the provider's register: where "previous" and "next" go, and why a day is empty. */
export const registerDaysSchema = z.object({
  date: z.string(),
  previous: z.string().nullable(),
  next: z.string().nullable(),
  whyNoPupils: z.string().nullable(),
  nextExpected: z.string().nullable(),
});
export type RegisterDays = z.infer<typeof registerDaysSchema>;

export const boardSchema = z.object({
  date: z.string(),
  pupils: z.array(
    z.object({
      placementId: z.uuid(),
      pupilId: z.uuid(),
      pupilName: z.string(),
      schoolName: z.string(),
      providerName: z.string(),
      sessions: z.array(
        z.object({
          session,
          dueBy: z.string(),
          status: z.enum(['reported', 'not_reported', 'awaited']),
          mark: z.enum(providerMarks).nullable(),
          code: z.string().nullable(),
          late: z.boolean(),
        }),
      ),
    }),
  ),
  calls: z.array(
    z.object({
      id: z.uuid(),
      overdue: z.boolean(),
      resolveBy: z.string().nullable(),
      placementId: z.uuid(),
      date: z.string(),
      pupilName: z.string(),
      contacts: z.array(
        z.object({ name: z.string(), relationship: z.string(), telephone: z.string().nullable() }),
      ),
      log: z.array(
        z.object({
          step: z.enum(callSteps),
          byName: z.string(),
          called: z.string(),
          number: z.string(),
          at: z.iso.datetime(),
          outcome: z.string(),
          safeAndWell: z.boolean(),
        }),
      ),
    }),
  ),
});

/** The provider's register for a day, as the portal shows it. */
export type ProviderRegister = z.infer<typeof registerSchema>;
/** The attendance officer's board for a day. */
export type AttendanceBoard = z.infer<typeof boardSchema>;
/** A first-day call on the board, with its log. */
export type FirstDayCallOnBoard = AttendanceBoard['calls'][number];

/** Attendance with the DfE formula and its absence flags: the one shape every rate is answered in. */
export const attendanceRateSchema = z.object({
  possible: z.number().int(),
  attended: z.number().int(),
  authorised: z.number().int(),
  unauthorised: z.number().int(),
  attendancePercent: z.number().nullable(),
  absencePercent: z.number().nullable(),
  persistentAbsence: z.boolean(),
  severeAbsence: z.boolean(),
});

/** Attendance for a period by placement, provider or school. */
export const ratesResponseSchema = z.object({
  rates: z.array(
    attendanceRateSchema.extend({
      id: z.uuid(),
      label: z.string(),
      targetPercent: z.number().int().nullable(),
      belowTarget: z.boolean(),
    }),
  ),
});

/** Each provider's attendance week by week. */
export const trendsResponseSchema = z.object({
  providers: z.array(
    z.object({
      providerId: z.uuid(),
      providerName: z.string(),
      weeks: z.array(
        z.object({
          weekStarting: z.string(),
          possible: z.number().int(),
          attendancePercent: z.number().nullable(),
        }),
      ),
    }),
  ),
});

/** Open attendance interventions. */
export const interventionsResponseSchema = z.object({
  interventions: z.array(
    z.object({
      id: z.uuid(),
      placementId: z.uuid(),
      pupilName: z.string(),
      providerName: z.string(),
      openedOn: z.string(),
      attendancePercentAtOpening: z.number().int(),
      targetPercent: z.number().int(),
      action: z.string().nullable(),
      owner: z.string().nullable(),
      reviewOn: z.string().nullable(),
    }),
  ),
});

/** A pupil's marks, school days and rate for a period. */
export const pupilAttendanceResponseSchema = z.object({
  marks: z.array(z.object({ date: z.string(), session, code: z.string(), late: z.boolean() })),
  days: z.array(
    z.object({
      date: z.string(),
      schoolDay: z.boolean(),
      reason: z.enum(nonSchoolDayReasons).nullable(),
      note: z.string().nullable(),
    }),
  ),
  rate: attendanceRateSchema,
});

/** Planning an intervention (action, owner, review date), or closing it with its outcome. */
export const interventionBodySchema = z.union([
  z.strictObject({
    action: z.string().trim().min(1, 'Say what will be done').max(1000),
    owner: z.string().trim().min(1, 'Say who will do it').max(200),
    reviewOn: isoDateSchema,
  }),
  z.strictObject({ outcome: z.string().trim().min(1, 'Say how it ended').max(1000) }),
]);

export type AttendanceRates = z.infer<typeof ratesResponseSchema>;
export type AttendanceRate = AttendanceRates['rates'][number];
export type ProviderTrends = z.infer<typeof trendsResponseSchema>;
export type OpenInterventions = z.infer<typeof interventionsResponseSchema>;
export type OpenIntervention = OpenInterventions['interventions'][number];
export type PupilAttendance = z.infer<typeof pupilAttendanceResponseSchema>;
export type InterventionBody = z.infer<typeof interventionBodySchema>;

/** A key a provider's own register system sends attendance with (shown once, when issued). */
export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export const apiKeyListSchema = z.object({ keys: z.array(apiKeySchema) });
export const issueApiKeyBodySchema = z.strictObject({
  name: z.string().trim().min(1, 'Name the key, e.g. the system it is for').max(100),
});
export const issuedApiKeySchema = apiKeyListSchema.extend({ key: z.string() });

export type ApiKey = z.infer<typeof apiKeySchema>;
export type IssuedApiKey = z.infer<typeof issuedApiKeySchema>;

/** A day the provider is closed: no register is expected (or chased) then. */
export const closureSchema = z.object({
  id: z.uuid(),
  date: z.string(),
  note: z.string(),
  recordedByName: z.string(),
});
export const closureListSchema = z.object({ closures: z.array(closureSchema) });
export const closureBodySchema = z.strictObject({
  date: isoDateSchema,
  note: z.string().trim().min(1, 'Say why you are closed').max(300),
});

/** A provider's own register as CSV: checked row by row first, then recorded all or nothing. */
export const registerCsvBodySchema = z.strictObject({
  content: z
    .string()
    .min(1, 'Choose a CSV file')
    .max(2 * 1024 * 1024),
});
export const registerCsvPreviewSchema = z.object({
  rows: z.array(z.object({ line: z.number().int(), problems: z.array(z.string()) })),
  ready: z.number().int(),
  withProblems: z.number().int(),
});
export const marksRecordedSchema = z.object({ recorded: z.number().int() });

export type Closure = z.infer<typeof closureSchema>;
export type ClosureRequest = z.input<typeof closureBodySchema>;
export type RegisterCsvPreview = z.infer<typeof registerCsvPreviewSchema>;
