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
import { requires } from '../../lib/policy.ts';
import { createProvidersRepository } from '../providers/providers.repository.ts';
import { createOrganisationRepository } from './organisation.repository.ts';
import { createRegion, createSchool, renameRegion, updateSchool } from './organisation.usecases.ts';

const tags = ['Organisation'];

export function organisationRoutes({ db }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/',
      {
        config: requires('schools.read'),
        schema: {
          tags,
          summary: 'The group, and the regions, schools and providers you can see',
          response: { 200: organisationSchema },
        },
      },
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
      {
        config: requires('schools.manage'),
        schema: {
          tags,
          summary: 'Add a region',
          body: regionBodySchema,
          response: { 201: regionViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await createRegion({
            db,
            actor: actorOf(request),
            ipAddress: request.ip,
            name: request.body.name,
          }),
        ),
    );

    app.patch(
      '/regions/:id',
      {
        config: requires('schools.manage'),
        schema: {
          tags,
          summary: 'Rename a region',
          params: idParamsSchema,
          body: regionBodySchema,
          response: { 200: regionViewSchema },
        },
      },
      (request) =>
        renameRegion({
          db,
          actor: actorOf(request),
          ipAddress: request.ip,
          regionId: request.params.id,
          name: request.body.name,
        }),
    );

    app.post(
      '/schools',
      {
        config: requires('schools.manage'),
        schema: {
          tags,
          summary: 'Add a school',
          body: schoolBodySchema,
          response: { 201: schoolViewSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await createSchool({ db, actor: actorOf(request), ipAddress: request.ip, input: request.body }),
          ),
    );

    app.patch(
      '/schools/:id',
      {
        config: requires('schools.manage'),
        schema: {
          tags,
          summary: 'Change a school’s name, region, URN or local authority',
          params: idParamsSchema,
          body: schoolPatchSchema,
          response: { 200: schoolViewSchema },
        },
      },
      (request) =>
        updateSchool({
          db,
          actor: actorOf(request),
          ipAddress: request.ip,
          schoolId: request.params.id,
          changes: request.body,
        }),
    );
  };
}
