import { obligationKinds, todayInLondon } from '@waymark/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { signedIn } from '../../lib/policy.ts';
import { whatIsDue } from './obligations.usecases.ts';

const kinds = Object.keys(obligationKinds) as [
  keyof typeof obligationKinds,
  ...(keyof typeof obligationKinds)[],
];

export function obligationsRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/',
      {
        config: signedIn(),
        schema: {
          querystring: z.strictObject({
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
          }),
          tags: ['What is due'],
          summary:
            'Every duty for you: overdue first, then today, this week and later, with counts per school',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  kind: z.enum(kinds),
                  title: z.string(),
                  dueOn: z.string(),
                  link: z.string(),
                  schoolId: z.uuid().nullable(),
                  schoolName: z.string().nullable(),
                  urgency: z.enum(['overdue', 'today', 'this_week', 'later']),
                  owner: z.string(),
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
            }),
          },
        },
      },
      async (request) =>
        whatIsDue({
          db,
          actor: actorOf(request),
          today: todayInLondon(clock()),
          view: { school: request.query.school, limit: request.query.limit },
        }),
    );
  };
}
