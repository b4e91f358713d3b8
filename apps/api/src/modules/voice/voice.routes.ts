import { type Respondent, voiceAnswersSchema, voiceForms, voiceScale } from '@waymark/domain';
import {
  issueVoiceLinkBodySchema,
  placementVoiceParams,
  placementVoiceSchema,
  voiceChangeBodySchema,
  voiceFormSchema,
  voiceLinkSchema,
  voiceTrendsSchema,
} from '@waymark/domain/contracts/voice';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { AppError } from '../../lib/errors.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { publicRoute, requires } from '../../lib/policy.ts';
import {
  answerVoiceForm,
  issueVoiceLink,
  openVoiceForm,
  placementVoice,
  recordVoiceChange,
  voiceTrends,
} from './voice.usecases.ts';

const operation = describedAs(['Pupil and parent voice']);
const tokenParams = z.object({ token: z.string().min(20).max(100) });

export function voiceRoutes({ db, clock, config }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.get(
      '/placements/:placementId/voice',
      operation(
        requires('placements.read'),
        "This placement's voice requests by half-term (opened as each half-term starts), answers and changes made",
        { params: placementVoiceParams, response: { 200: placementVoiceSchema } },
      ),
      async (request) =>
        placementVoice({
          db,
          actor: actorOf(request),
          placementId: request.params.placementId,
          now: clock(),
        }),
    );

    app.post(
      '/placements/:placementId/voice/:requestId/link',
      operation(
        requires('placements.manage'),
        'A new one-time link (and QR code) for a request; a parent’s can be emailed to them',
        {
          params: placementVoiceParams.extend({ requestId: z.uuid({ message: 'Not a request id' }) }),
          body: issueVoiceLinkBodySchema,
          response: { 200: voiceLinkSchema },
        },
      ),
      async (request) =>
        issueVoiceLink({
          ...command(request),
          now: clock(),
          publicUrl: config.publicUrl,
          placementId: request.params.placementId,
          requestId: request.params.requestId,
          emailTo: request.body.emailTo,
        }),
    );

    app.post(
      '/placements/:placementId/voice/changes',
      operation(
        requires('placements.manage'),
        'Record "you said, we did": what changed because of what the pupil or parent said',
        { params: placementVoiceParams, body: voiceChangeBodySchema, response: { 204: z.null() } },
      ),
      async (request, reply) => {
        await recordVoiceChange({
          ...command(request),
          now: clock(),
          placementId: request.params.placementId,
          input: request.body,
        });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/providers/:providerId/voice-trends',
      operation(
        requires('providers.read'),
        'Average answers of pupils and parents at a provider, half-term by half-term',
        {
          params: z.object({ providerId: z.uuid({ message: 'Not a provider id' }) }),
          response: { 200: voiceTrendsSchema },
        },
      ),
      async (request) => ({
        halfTerms: await voiceTrends({ db, actor: actorOf(request), providerId: request.params.providerId }),
      }),
    );

    app.get(
      '/voice/forms/:token',
      operation(
        {
          ...publicRoute('Pupils and parents answer through a one-time link; the token is the credential'),
          // Guessing a 256-bit token is hopeless, but there is no reason to let anyone try quickly.
          rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: '1 minute' },
        },
        'The form a voice link opens (410 once answered or after the half-term)',
        {
          params: tokenParams,
          response: {
            200: voiceFormSchema,
          },
        },
      ),
      async (request) => {
        const form = await openVoiceForm(db, request.params.token, clock());
        return {
          respondent: form.respondent,
          firstName: form.firstName,
          providerName: form.providerName,
          expiresOn: form.expiresOn,
          questions: voiceForms[form.respondent],
          scale: [...voiceScale],
        };
      },
    );

    app.post(
      '/voice/forms/:token',
      operation(
        {
          ...publicRoute('Answering the form a one-time voice link opens'),
          rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: '1 minute' },
        },
        'Answer the form, once',
        { params: tokenParams, response: { 204: z.null() } },
      ),
      async (request, reply) => {
        const form = await openVoiceForm(db, request.params.token, clock());
        const parsed = voiceAnswersSchema(form.respondent as Respondent).safeParse(request.body);
        if (!parsed.success)
          throw new AppError(
            'request.invalid',
            400,
            'Some answers are missing.',
            parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          );
        await answerVoiceForm(db, request.params.token, clock(), parsed.data as never);
        return reply.status(204).send(null);
      },
    );
  };
}
