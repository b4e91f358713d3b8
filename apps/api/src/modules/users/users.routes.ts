import { roleAssignmentInputSchema } from '@waymark/domain';
import {
  createUserBodySchema,
  listUsersQuerySchema,
  resetPasswordBodySchema,
  updateUserBodySchema,
  userListSchema,
  userParamsSchema,
  userViewSchema,
} from '@waymark/domain/contracts/users';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import {
  addAssignment,
  createUser,
  endSessionsOf,
  getUser,
  listUsers,
  removeAssignment,
  resetPassword,
  updateUser,
} from './users.usecases.ts';

const operation = describedAs(['Users and roles']);

export function usersRoutes({ db }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.get(
      '/',
      operation(requires('users.read'), 'Users in your scope', {
        querystring: listUsersQuerySchema,
        response: { 200: userListSchema },
      }),
      async (request) => {
        const { page, pageSize, ...filters } = request.query;
        return listUsers({ db, actor: actorOf(request), filters, page: { page, pageSize } });
      },
    );

    app.post(
      '/',
      operation(requires('users.manage'), 'Create a user with roles', {
        body: createUserBodySchema,
        response: { 201: userViewSchema },
      }),
      async (request, reply) => {
        const user = await createUser({ ...command(request), input: request.body });
        return reply.status(201).send(user);
      },
    );

    app.get(
      '/:userId',
      operation(requires('users.read'), 'One user', {
        params: userParamsSchema,
        response: { 200: userViewSchema },
      }),
      (request) => getUser({ db, actor: actorOf(request), userId: request.params.userId }),
    );

    app.patch(
      '/:userId',
      operation(requires('users.manage'), 'Rename, deactivate or reactivate a user', {
        params: userParamsSchema,
        body: updateUserBodySchema,
        response: { 200: userViewSchema },
      }),
      (request) => updateUser({ ...command(request), userId: request.params.userId, changes: request.body }),
    );

    app.post(
      '/:userId/assignments',
      operation(requires('users.manage'), 'Give a user a role in a scope', {
        params: userParamsSchema,
        body: roleAssignmentInputSchema,
        response: { 201: userViewSchema },
      }),
      async (request, reply) => {
        const user = await addAssignment({
          ...command(request),
          userId: request.params.userId,
          assignment: request.body,
        });
        return reply.status(201).send(user);
      },
    );

    app.delete(
      '/:userId/assignments/:assignmentId',
      operation(requires('users.manage'), 'Take a role away from a user', {
        params: userParamsSchema.extend({ assignmentId: z.uuid({ message: 'Not an assignment id' }) }),
        response: { 200: userViewSchema },
      }),
      (request) =>
        removeAssignment({
          ...command(request),
          userId: request.params.userId,
          assignmentId: request.params.assignmentId,
        }),
    );

    app.post(
      '/:userId/password',
      operation(
        requires('users.manage'),
        'Set a new password for a user (ends their sessions and clears a lockout)',
        { params: userParamsSchema, body: resetPasswordBodySchema, response: { 204: z.null() } },
      ),
      async (request, reply) => {
        await resetPassword({
          ...command(request),
          userId: request.params.userId,
          password: request.body.password,
        });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/:userId/sign-out-everywhere',
      operation(requires('users.manage'), 'End every session of a user (a lost phone, a leaver)', {
        params: userParamsSchema,
        response: { 200: z.object({ endedSessions: z.number().int() }) },
      }),
      (request) => endSessionsOf({ ...command(request), userId: request.params.userId }),
    );
  };
}
