import {
  idParamsSchema,
  organisationSchema,
  regionBodySchema,
  regionViewSchema,
  schoolBodySchema,
  schoolPatchSchema,
  schoolViewSchema,
} from '@waymark/domain/contracts/organisation';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasPermission, reachOf } from '../../lib/actor.ts';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { createProvidersRepository } from '../providers/providers.repository.ts';
import { createOrganisationRepository } from './organisation.repository.ts';
import { createRegion, createSchool, renameRegion, updateSchool } from './organisation.usecases.ts';

const operation = describedAs(['Organisation']);

export function organisationRoutes({ db }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.get(
      '/',
      operation(requires('schools.read'), 'The group, and the regions, schools and providers you can see', {
        response: { 200: organisationSchema },
      }),
      async (request) => {
        const actor = actorOf(request);
        const repository = createOrganisationRepository({ db });
        const reach = reachOf(actor, 'schools.read');
        const canSeeProviders =
          hasPermission(actor, 'users.manage') || hasPermission(actor, 'providers.manage');
        const [group, schools, regions, providers] = await Promise.all([
          repository.findGroup(actor.groupId),
          repository.listSchoolsInReach(actor, reach),
          repository.listRegions(actor.groupId),
          canSeeProviders
            ? createProvidersRepository({ db }).list(actor.groupId, {}, 'name')
            : Promise.resolve([]),
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

    app.post(
      '/regions',
      operation(requires('schools.manage'), 'Add a region', {
        body: regionBodySchema,
        response: { 201: regionViewSchema },
      }),
      async (request, reply) =>
        reply.status(201).send(await createRegion({ ...command(request), name: request.body.name })),
    );

    app.patch(
      '/regions/:id',
      operation(requires('schools.manage'), 'Rename a region', {
        params: idParamsSchema,
        body: regionBodySchema,
        response: { 200: regionViewSchema },
      }),
      (request) =>
        renameRegion({ ...command(request), regionId: request.params.id, name: request.body.name }),
    );

    app.post(
      '/schools',
      operation(requires('schools.manage'), 'Add a school', {
        body: schoolBodySchema,
        response: { 201: schoolViewSchema },
      }),
      async (request, reply) =>
        reply.status(201).send(await createSchool({ ...command(request), input: request.body })),
    );

    app.patch(
      '/schools/:id',
      operation(requires('schools.manage'), 'Change a school’s name, region, URN or local authority', {
        params: idParamsSchema,
        body: schoolPatchSchema,
        response: { 200: schoolViewSchema },
      }),
      (request) => updateSchool({ ...command(request), schoolId: request.params.id, changes: request.body }),
    );
  };
}
