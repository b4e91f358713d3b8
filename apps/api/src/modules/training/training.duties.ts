/** Training-needs reviews due, on the AP lead's board. */
import { trainingReviewObligations } from '@waymark/domain';
import type { Collector } from '../obligations/collect.ts';
import { listStaff } from './training.usecases.ts';

export const training: Collector = async (db, actor, today) =>
  (await listStaff({ db, actor, today })).flatMap((s) => trainingReviewObligations(s, today));
