import {
  letterListSchema,
  letterViewSchema,
  requestLetterBodySchema,
  signLetterSchema,
} from '@waymark/domain/contracts/letters';
import { providerParamsSchema } from '@waymark/domain/contracts/providers';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { renderLetterPdf } from './letter-pdf.ts';
import {
  getLetter,
  listPortalLetters,
  listProviderLetters,
  requestLetter,
  signLetter,
} from './letters.usecases.ts';

const operation = describedAs(['Safeguarding assurance letters (Appendix 2)']);

export function lettersRoutes({ db, clock, config }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.get(
      '/providers/:providerId/letters',
      operation(requires('providers.read'), 'Letters asked of a provider, and those signed', {
        params: providerParamsSchema,
        response: { 200: letterListSchema },
      }),
      (request) =>
        listProviderLetters({ db, actor: actorOf(request), providerId: request.params.providerId }),
    );

    app.post(
      '/providers/:providerId/letters',
      operation(
        requires('audits.manage'),
        'Ask the provider for a letter to one of your schools (an outstanding request is reused)',
        { params: providerParamsSchema, body: requestLetterBodySchema, response: { 200: letterListSchema } },
      ),
      (request) =>
        requestLetter({
          ...command(request),
          providerId: request.params.providerId,
          schoolId: request.body.schoolId,
          now: clock(),
          publicUrl: config.publicUrl,
        }),
    );

    const letterParams = z.object({ letterId: z.uuid({ message: 'Not a letter id' }) });
    const sendPdf = async (reply: FastifyReply, letter: Awaited<ReturnType<typeof getLetter>>) =>
      reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `inline; filename="safeguarding-letter-${letter.providerName.replace(/[^A-Za-z0-9]+/g, '-')}.pdf"`,
        )
        .send(await renderLetterPdf(letter));

    app.get(
      '/letters/:letterId/pdf',
      operation(requires('providers.read'), 'The letter as a PDF: pre-filled, or as signed', {
        params: letterParams,
      }),
      async (request, reply) =>
        sendPdf(
          reply,
          await getLetter({ db, actor: actorOf(request), letterId: request.params.letterId, via: 'school' }),
        ),
    );

    app.get(
      '/portal/letters/:letterId/pdf',
      operation(requires('portal.use'), 'Provider portal: the letter as a PDF', { params: letterParams }),
      async (request, reply) =>
        sendPdf(
          reply,
          await getLetter({ db, actor: actorOf(request), letterId: request.params.letterId, via: 'portal' }),
        ),
    );

    app.get(
      '/portal/letters',
      operation(requires('portal.use'), 'Provider portal: letters your organisation is asked for', {
        response: { 200: letterListSchema },
      }),
      (request) => listPortalLetters({ db, actor: actorOf(request) }),
    );

    app.post(
      '/portal/letters/:letterId/sign',
      operation(requires('portal.use'), 'Provider portal: confirm each check and undertaking, and sign', {
        params: z.object({ letterId: z.uuid({ message: 'Not a letter id' }) }),
        body: signLetterSchema,
        response: { 200: letterViewSchema },
      }),
      (request) =>
        signLetter({
          ...command(request),
          letterId: request.params.letterId,
          input: request.body,
          now: clock(),
        }),
    );
  };
}
