/**
 * Response shapes of a person's own account routes: email preferences, the private calendar feed,
 * two-factor sign-in (its state and fresh recovery codes) and signing out everywhere.
 */
import { z } from 'zod';
import { deliveryModes, notificationKinds } from '../notifications/notification-kinds.ts';

export const preferencesSchema = z.object({
  preferences: z.array(
    z.object({
      kind: z.enum(notificationKinds),
      label: z.string(),
      /** Urgent kinds are always sent at once. */
      urgent: z.boolean(),
      mode: z.enum(deliveryModes),
    }),
  ),
});

export const calendarFeedStatusSchema = z.object({ active: z.boolean(), createdAt: z.string().nullable() });
export const calendarFeedCreatedSchema = z.object({ url: z.string() });

export const secondFactorStatusSchema = z.object({
  required: z.boolean(),
  enrolled: z.boolean(),
  confirmedAt: z.iso.datetime().nullable(),
  recoveryCodesIssued: z.number().int(),
  recoveryCodesLeft: z.number().int(),
  trustedBrowsers: z.number().int(),
});
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const endedSessionsSchema = z.object({ endedSessions: z.number().int() });

export type NotificationPreference = z.infer<typeof preferencesSchema>['preferences'][number];
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatusSchema>;
export type SecondFactorStatus = z.infer<typeof secondFactorStatusSchema>;
