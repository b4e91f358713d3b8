import { todayInLondon } from '@waymark/domain';
import {
  listProvidersQuerySchema,
  providerInputSchema,
  providerListSchema,
  providerParamsSchema,
  providerViewSchema,
  registrationCheckBodySchema,
} from '@waymark/domain/contracts/providers';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import {
  createProvider,
  getProvider,
  listProviders,
  recordRegistrationCheck,
  updateProvider,
} from './providers.usecases.ts';

const operation = describedAs(['Provider directory']);

export function providersRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.get(
      '/',
      operation(requires('providers.read'), 'The group’s providers, with search, filters and sorting', {
        querystring: listProvidersQuerySchema,
        response: { 200: providerListSchema },
      }),
      (request) =>
        listProviders({ db, actor: actorOf(request), filters: request.query, today: todayInLondon(clock()) }),
    );

    app.post(
      '/',
      operation(requires('providers.manage'), 'Add a provider to the directory', {
        body: providerInputSchema,
        response: { 201: providerViewSchema },
      }),
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await createProvider({ ...command(request), input: request.body, today: todayInLondon(clock()) }),
          ),
    );

    app.get(
      '/:providerId',
      operation(requires('providers.read'), 'One provider', {
        params: providerParamsSchema,
        response: { 200: providerViewSchema },
      }),
      (request) =>
        getProvider({
          db,
          actor: actorOf(request),
          providerId: request.params.providerId,
          today: todayInLondon(clock()),
        }),
    );

    app.put(
      '/:providerId',
      operation(requires('providers.manage'), 'Update a provider’s directory record', {
        params: providerParamsSchema,
        body: providerInputSchema,
        response: { 200: providerViewSchema },
      }),
      (request) =>
        updateProvider({
          ...command(request),
          providerId: request.params.providerId,
          input: request.body,
          today: todayInLondon(clock()),
          now: clock(),
        }),
    );

    app.put(
      '/:providerId/registration-check',
      operation(
        requires('audits.manage'),
        'Record the registration test’s counts (full-time pupils; those looked after or with an EHCP)',
        {
          params: providerParamsSchema,
          body: registrationCheckBodySchema,
          response: { 200: providerViewSchema },
        },
      ),
      (request) =>
        recordRegistrationCheck({
          ...command(request),
          providerId: request.params.providerId,
          counts: request.body,
          today: todayInLondon(clock()),
        }),
    );
  };
}
