/** The AP policy's annual review, on the board of those who keep it. */
import { policyReviewObligations } from '@waymark/domain';
import type { Collector } from '../obligations/collect.ts';
import { policyOverview } from './policy.usecases.ts';

export const policy: Collector = async (db, actor, today) =>
  policyReviewObligations((await policyOverview({ db, groupId: actor.groupId, today })).current, today);
