/** Request and response shapes of "What is due": every duty for the person, overdue first, with counts. */
import { z } from 'zod';
import { roleNameSchema } from '../access/roles.ts';
import { obligationKinds } from '../obligations/obligations.ts';

const kinds = Object.keys(obligationKinds) as [
  keyof typeof obligationKinds,
  ...(keyof typeof obligationKinds)[],
];

export const whatIsDueQuerySchema = z.strictObject({
  school: z
    .union([z.uuid({ message: 'Not a school id' }), z.literal('group')])
    .optional()
    .describe("A school's id, or `group` for duties of the whole group; all when absent"),
  limit: z.coerce
    .number({ message: 'Enter a number' })
    .int('Enter a whole number')
    .min(1, 'Show at least 1')
    .max(5000, 'Show at most 5,000')
    .default(200),
});

export const urgencies = ['overdue', 'today', 'this_week', 'later'] as const;

export const whatIsDueSchema = z.object({
  items: z.array(
    z.object({
      kind: z.enum(kinds),
      title: z.string(),
      dueOn: z.string(),
      link: z.string(),
      schoolId: z.uuid().nullable(),
      schoolName: z.string().nullable(),
      urgency: z.enum(urgencies),
      /** The role whose duty it is. */
      owner: roleNameSchema,
      forOthers: z.boolean(),
    }),
  ),
  /** How many items the chosen part holds; `items` is its most urgent, up to the limit. */
  total: z.number(),
  counts: z.object({
    overdue: z.number(),
    today: z.number(),
    thisWeek: z.number(),
    later: z.number(),
    forOthers: z.number(),
  }),
  perSchool: z.array(
    z.object({
      schoolId: z.uuid().nullable(),
      schoolName: z.string(),
      overdue: z.number(),
      total: z.number(),
    }),
  ),
});

export type WhatIsDue = z.infer<typeof whatIsDueSchema>;
export type Urgency = (typeof urgencies)[number];
