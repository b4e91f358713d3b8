import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasPermission, reachOf } from '../../lib/actor.ts';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { requires } from '../../lib/policy.ts';
import { createOrganisationRepository } from './organisation.repository.ts';

const organisationSchema = z.object({
  group: z.object({ id: z.uuid(), name: z.string() }),
  regions: z.array(z.object({ id: z.uuid(), name: z.string() })),
  schools: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      urn: z.string().nullable(),
      localAuthority: z.string().nullable(),
      regionId: z.uuid(),
      regionName: z.string(),
    }),
  ),
  providers: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

export function organisationRoutes({ db }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/',
      {
        config: requires('schools.read'),
        schema: {
          tags: ['Organisation'],
          summary: 'The group, and the regions, schools and providers you can see',
          response: { 200: organisationSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const repository = createOrganisationRepository({ db });
        const reach = reachOf(actor, 'schools.read');
        const canManageUsers = hasPermission(actor, 'users.manage');
        const [group, schools, regions, providers] = await Promise.all([
          repository.findGroup(actor.groupId),
          repository.listSchoolsInReach(actor, reach),
          repository.listRegions(actor.groupId),
          canManageUsers ? repository.listProviders(actor.groupId) : Promise.resolve([]),
        ]);
        const visibleRegionIds = new Set(schools.map((s) => s.regionId));
        return {
          group: { id: group!.id, name: group!.name },
          regions: reach.wholeGroup ? regions : regions.filter((r) => visibleRegionIds.has(r.id)),
          schools,
          providers,
        };
      },
    );
  };
}
