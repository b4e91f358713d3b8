/**
 * Request and response shapes of the attendance routes: the API validates and documents with these,
 * and the web takes its types from them, so the two cannot drift.
 */
import { z } from 'zod';
import { absenceReasons, providerMarks } from '../attendance/codes.ts';
import { callSteps } from '../attendance/first-day-calls.ts';

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
