/**
 * Request and response shapes of the staff training routes: the staff who work in or support AP with
 * their courses and yearly needs reviews, and each person's training beside how the pupils they
 * support are doing.
 */
import { z } from 'zod';
import { placementOutcomes, placementStatuses, reviewDecisions } from '../placements/placement-rules.ts';
import {
  apStaffSchema,
  trainingRecordSchema,
  trainingReviewSchema,
  trainingTopics,
} from '../training/training.ts';

export { apStaffSchema, trainingRecordSchema, trainingReviewSchema };

const topics = z.array(z.enum(trainingTopics));

export const staffMemberSchema = z.object({
  id: z.uuid(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  name: z.string(),
  role: z.string(),
  placementIds: z.array(z.uuid()),
  records: z.array(
    z.object({
      id: z.uuid(),
      course: z.string(),
      trainingProvider: z.string(),
      completedOn: z.string(),
      topics,
      expiresOn: z.string().nullable(),
      expired: z.boolean(),
      certificateFilename: z.string().nullable(),
    }),
  ),
  lastReview: z
    .object({ reviewedOn: z.string(), needs: z.string(), plan: z.string(), reviewedByName: z.string() })
    .nullable(),
  nextReviewOn: z.string(),
  reviewDue: z.boolean(),
});

export const staffListSchema = z.object({ staff: z.array(staffMemberSchema) });

export const effectivenessSchema = z.object({
  staff: z.array(
    z.object({
      staffId: z.uuid(),
      name: z.string(),
      /** Topics of the person's training that is still in date. */
      topics,
      pupils: z.array(
        z.object({
          placementId: z.uuid(),
          pupilName: z.string(),
          status: z.enum(placementStatuses),
          attendancePercent: z.number().nullable(),
          lastReviewDecision: z.enum(reviewDecisions).nullable(),
          outcome: z.enum(placementOutcomes).nullable(),
        }),
      ),
    }),
  ),
});

export type StaffMember = z.infer<typeof staffMemberSchema>;
export type Effectiveness = z.infer<typeof effectivenessSchema>['staff'][number];
