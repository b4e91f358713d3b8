/**
 * Training for staff who work in or support AP (policy §10, §13): what each person did, on which
 * topics, when it expires; an annual review of each person's training needs; and the pupils each person
 * supports, so the effect of training can be looked at against those pupils' outcomes.
 */
import { z } from 'zod';
import { addDays } from '../calendar/iso-date.ts';
import { isoDateSchema } from '../calendar/iso-date-schema.ts';

export const trainingTopics = [
  'curriculum_adaptation',
  'communication_strategies',
  'behaviour_management',
  'safeguarding_in_ap',
  'send_and_semh',
  'other',
] as const;
export type TrainingTopic = (typeof trainingTopics)[number];

export const trainingTopicLabels: Record<TrainingTopic, string> = {
  curriculum_adaptation: 'Curriculum adaptation',
  communication_strategies: 'Communication strategies',
  behaviour_management: 'Behaviour management',
  safeguarding_in_ap: 'Safeguarding in AP',
  send_and_semh: 'Complex SEND and SEMH needs',
  other: 'Other',
};

const words = (what: string, max = 200) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(2, `Enter ${what}`)
    .max(max, `Keep this under ${max} characters`);

export const trainingRecordSchema = z
  .strictObject({
    course: words('the course'),
    trainingProvider: words('who ran it'),
    completedOn: isoDateSchema,
    topics: z.array(z.enum(trainingTopics)).min(1, 'Choose at least one topic'),
    expiresOn: isoDateSchema.nullable().default(null),
  })
  .superRefine((r, ctx) => {
    if (r.expiresOn && r.expiresOn <= r.completedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['expiresOn'],
        message: 'The expiry must come after the training date',
      });
  });
export type TrainingRecordInput = z.infer<typeof trainingRecordSchema>;

export const trainingReviewSchema = z.strictObject({
  reviewedOn: isoDateSchema,
  needs: words('the training needs found', 2000),
  plan: words('the training planned', 2000),
});

/** The annual training-needs review: due a year after the last one, or now if there has been none. */
export function nextTrainingReviewOn(lastReviewedOn: string | null, today: string): string {
  return lastReviewedOn ? addDays(lastReviewedOn, 365) : today;
}

export const apStaffSchema = z.strictObject({
  schoolId: z.uuid({ message: 'Choose the school' }),
  name: words('their name'),
  role: words('their role'),
  placementIds: z.array(z.uuid()).max(200).default([]),
});
