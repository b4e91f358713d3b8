/**
 * Request and response shapes of the termly QA visit routes (Appendix 5): the schedule of visits due,
 * a visit with its form, the pupils seen and the actions raised, and the requests that change them.
 */
import { z } from 'zod';
import { isoDateSchema } from '../calendar/iso-date-schema.ts';
import { qaAnswersSchema } from '../qa/appendix-5.ts';

export const visitParams = z.object({ visitId: z.uuid({ message: 'Not a QA visit id' }) });
const text = (what: string, max: number) =>
  z.string().trim().min(1, `Say ${what}`).max(max, `Keep this under ${max} characters`);

export const startVisitBodySchema = z.strictObject({
  schoolId: z.uuid({ message: 'Choose the school' }),
  providerId: z.uuid({ message: 'Choose the provider' }),
  visitOn: isoDateSchema,
});

const pupilSeenSchema = z.strictObject({
  placementId: z.uuid(),
  pupilName: z.string().max(200),
  learningObservation: z.string().trim().max(2000).default(''),
  workScrutiny: z.string().trim().max(2000).default(''),
  welfareCheck: z.string().trim().max(2000).default(''),
});

export const saveVisitBodySchema = z.strictObject({
  version: z.number().int().min(1),
  visitOn: isoDateSchema,
  visitors: z.string().trim().max(300),
  answers: qaAnswersSchema,
  pupilsSeen: z.array(pupilSeenSchema).max(100),
});

export const qaActionBodySchema = z.strictObject({
  action: text('what is to be done', 1000),
  owner: text('who will do it', 200),
  dueOn: isoDateSchema,
});

export const createdSchema = z.object({ id: z.uuid() });

export const qaDueSchema = z.object({
  schoolId: z.uuid(),
  schoolName: z.string(),
  providerId: z.uuid(),
  providerName: z.string(),
  termLabel: z.string(),
  term: z.object({ startsOn: z.string(), endsOn: z.string() }),
  status: z.enum(['done', 'in_progress', 'due', 'overdue']),
  visitId: z.uuid().nullable(),
});
export const qaScheduleSchema = z.object({ visits: z.array(qaDueSchema) });

/** The Appendix 5 form as the visit was begun on: areas of lines, each judged with a comment. */
export const qaTemplateSchema = z.object({
  version: z.number().int(),
  areas: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      optional: z.boolean().optional(),
      lines: z.array(z.object({ id: z.string(), text: z.string() })),
    }),
  ),
});

export const qaVisitSchema = z.object({
  id: z.uuid(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  providerId: z.uuid(),
  providerName: z.string(),
  visitOn: z.string(),
  visitors: z.string(),
  status: z.enum(['draft', 'completed']),
  overall: z.string().nullable(),
  version: z.number().int(),
  answers: qaAnswersSchema,
  pupilsSeen: z.array(
    z.object({
      placementId: z.uuid(),
      pupilName: z.string(),
      learningObservation: z.string(),
      workScrutiny: z.string(),
      welfareCheck: z.string(),
    }),
  ),
  completedByName: z.string().nullable(),
  completedAt: z.iso.datetime().nullable(),
  template: qaTemplateSchema,
  placed: z.array(z.object({ placementId: z.uuid(), pupilName: z.string() })),
  actions: z.array(
    z.object({
      id: z.uuid(),
      action: z.string(),
      owner: z.string(),
      dueOn: z.string(),
      doneOn: z.string().nullable(),
      doneByName: z.string().nullable(),
      /** Raised at an earlier visit and still open. */
      carried: z.boolean(),
    }),
  ),
});

export type QaDue = z.infer<typeof qaDueSchema>;
export type QaVisit = z.infer<typeof qaVisitSchema>;
export type PupilSeen = QaVisit['pupilsSeen'][number];
export type SaveVisitRequest = z.input<typeof saveVisitBodySchema>;
export type QaActionRequest = z.input<typeof qaActionBodySchema>;
