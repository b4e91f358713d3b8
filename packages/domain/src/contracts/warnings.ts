/**
 * Request and response shapes of the early warning routes: the warnings in reach (active and
 * acknowledged), acknowledging one with a note, and the group's thresholds.
 */
import { z } from 'zod';
import { warningKinds } from '../warnings/early-warnings.ts';
import { warningSettingsSchema } from '../warnings/warning-settings.ts';

export { warningSettingsSchema };

export const warningSchema = z.object({
  key: z.string(),
  kind: z.enum(Object.keys(warningKinds) as [keyof typeof warningKinds]),
  reason: z.string(),
  measure: z.number(),
  step: z.number(),
  action: z.object({ label: z.string(), link: z.string() }),
  placementId: z.uuid().nullable(),
  providerId: z.uuid(),
  pupilName: z.string().nullable(),
  providerName: z.string(),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
});

export const warningsSchema = z.object({
  active: z.array(warningSchema),
  acknowledged: z.array(
    warningSchema.extend({
      acknowledgement: z.object({
        note: z.string(),
        byName: z.string(),
        acknowledgedOn: z.string(),
        measure: z.number(),
      }),
    }),
  ),
});

export const acknowledgementBodySchema = z.strictObject({
  key: z.string().trim().min(1, 'Say which warning').max(200),
  note: z
    .string()
    .trim()
    .min(3, 'Write what is being done about it (at least a few words)')
    .max(1000, 'Keep the note under 1,000 characters'),
});

export const warningSettingsAnswerSchema = z.object({
  settings: warningSettingsSchema,
  defaults: warningSettingsSchema,
});

export type EarlyWarning = z.infer<typeof warningSchema>;
export type Warnings = z.infer<typeof warningsSchema>;
export type WarningSettingsAnswer = z.infer<typeof warningSettingsAnswerSchema>;
