import {
  auditParamsSchema,
  auditSummarySchema,
  auditViewSchema,
  publishTemplateBodySchema,
  saveAuditBodySchema,
  startAuditBodySchema,
  templateSummarySchema,
  templateWithQuestionsSchema,
} from '@waymark/domain/contracts/audits';
import { providerParamsSchema } from '@waymark/domain/contracts/providers';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../lib/authorization.ts';
import type { AppDependencies } from '../../lib/dependencies.ts';
import { commandOf, describedAs } from '../../lib/operation.ts';
import { requires } from '../../lib/policy.ts';
import { renderAuditPdf } from './audit-pdf.ts';
import {
  currentTemplate,
  getAudit,
  listProviderAudits,
  listTemplates,
  publishTemplate,
  saveAuditDraft,
  startAudit,
  submitAudit,
} from './audits.usecases.ts';

const operation = describedAs(['Provider audits (Appendix 1)']);

export function auditsRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  const command = commandOf(db);
  return async (app) => {
    app.get(
      '/providers/:providerId/audits',
      operation(requires('providers.read'), 'A provider’s audits, newest first', {
        params: providerParamsSchema,
        response: { 200: z.object({ audits: z.array(auditSummarySchema) }) },
      }),
      (request) => listProviderAudits({ db, actor: actorOf(request), providerId: request.params.providerId }),
    );

    app.post(
      '/providers/:providerId/audits',
      operation(requires('audits.manage'), 'Start an audit on the current form', {
        params: providerParamsSchema,
        body: startAuditBodySchema,
        response: { 201: auditViewSchema },
      }),
      async (request, reply) =>
        reply.status(201).send(
          await startAudit({
            ...command(request),
            providerId: request.params.providerId,
            visit: request.body,
          }),
        ),
    );

    app.get(
      '/audits/:auditId',
      operation(requires('providers.read'), 'An audit with its form and answers', {
        params: auditParamsSchema,
        response: { 200: auditViewSchema },
      }),
      (request) => getAudit({ db, actor: actorOf(request), auditId: request.params.auditId }),
    );

    app.get(
      '/audits/:auditId/pdf',
      operation(requires('providers.read'), 'The audit as a PDF, to keep on file or send to the provider', {
        params: auditParamsSchema,
      }),
      async (request, reply) => {
        const audit = await getAudit({ db, actor: actorOf(request), auditId: request.params.auditId });
        return reply
          .type('application/pdf')
          .header(
            'content-disposition',
            `inline; filename="audit-${audit.providerName.replace(/[^A-Za-z0-9]+/g, '-')}.pdf"`,
          )
          .send(await renderAuditPdf(audit));
      },
    );

    app.put(
      '/audits/:auditId',
      operation(requires('audits.manage'), 'Save a draft: the answers so far', {
        params: auditParamsSchema,
        body: saveAuditBodySchema,
        response: { 200: auditViewSchema },
      }),
      (request) =>
        saveAuditDraft({ ...command(request), auditId: request.params.auditId, changes: request.body }),
    );

    app.post(
      '/audits/:auditId/submit',
      operation(
        requires('audits.manage'),
        'Submit a complete audit (refused with the list of missing answers otherwise)',
        { params: auditParamsSchema, response: { 200: auditViewSchema } },
      ),
      (request) => submitAudit({ ...command(request), auditId: request.params.auditId, now: clock() }),
    );

    app.get(
      '/audit-templates',
      operation(requires('providers.read'), 'Published versions of the audit form', {
        response: { 200: z.object({ templates: z.array(templateSummarySchema) }) },
      }),
      (request) => listTemplates({ db, actor: actorOf(request) }),
    );

    app.get(
      '/audit-templates/current',
      operation(requires('providers.read'), 'The form new audits use', {
        response: { 200: templateWithQuestionsSchema },
      }),
      (request) => currentTemplate({ db, actor: actorOf(request) }),
    );

    app.post(
      '/audit-templates',
      operation(requires('audit_templates.manage'), 'Publish a new version of the audit form', {
        body: publishTemplateBodySchema,
        response: { 201: templateWithQuestionsSchema },
      }),
      async (request, reply) =>
        reply.status(201).send(await publishTemplate({ ...command(request), ...request.body })),
    );
  };
}
