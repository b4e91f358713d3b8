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

const tags = ['Provider audits (Appendix 1)'];

export function auditsRoutes({ db, clock }: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/providers/:providerId/audits',
      {
        config: requires('providers.read'),
        schema: {
          tags,
          summary: 'A provider’s audits, newest first',
          params: providerParamsSchema,
          response: { 200: z.object({ audits: z.array(auditSummarySchema) }) },
        },
      },
      (request) => listProviderAudits({ db, actor: actorOf(request), providerId: request.params.providerId }),
    );

    app.post(
      '/providers/:providerId/audits',
      {
        config: requires('audits.manage'),
        schema: {
          tags,
          summary: 'Start an audit on the current form',
          params: providerParamsSchema,
          body: startAuditBodySchema,
          response: { 201: auditViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await startAudit({
            db,
            actor: actorOf(request),
            ipAddress: request.ip,
            providerId: request.params.providerId,
            visit: request.body,
          }),
        ),
    );

    app.get(
      '/audits/:auditId',
      {
        config: requires('providers.read'),
        schema: {
          tags,
          summary: 'An audit with its form and answers',
          params: auditParamsSchema,
          response: { 200: auditViewSchema },
        },
      },
      (request) => getAudit({ db, actor: actorOf(request), auditId: request.params.auditId }),
    );

    app.get(
      '/audits/:auditId/pdf',
      {
        config: requires('providers.read'),
        schema: {
          tags,
          summary: 'The audit as a PDF, to keep on file or send to the provider',
          params: auditParamsSchema,
        },
      },
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
      {
        config: requires('audits.manage'),
        schema: {
          tags,
          summary: 'Save a draft: the answers so far',
          params: auditParamsSchema,
          body: saveAuditBodySchema,
          response: { 200: auditViewSchema },
        },
      },
      (request) =>
        saveAuditDraft({
          db,
          actor: actorOf(request),
          ipAddress: request.ip,
          auditId: request.params.auditId,
          changes: request.body,
        }),
    );

    app.post(
      '/audits/:auditId/submit',
      {
        config: requires('audits.manage'),
        schema: {
          tags,
          summary: 'Submit a complete audit (refused with the list of missing answers otherwise)',
          params: auditParamsSchema,
          response: { 200: auditViewSchema },
        },
      },
      (request) =>
        submitAudit({
          db,
          actor: actorOf(request),
          ipAddress: request.ip,
          auditId: request.params.auditId,
          now: clock(),
        }),
    );

    app.get(
      '/audit-templates',
      {
        config: requires('providers.read'),
        schema: {
          tags,
          summary: 'Published versions of the audit form',
          response: { 200: z.object({ templates: z.array(templateSummarySchema) }) },
        },
      },
      (request) => listTemplates({ db, actor: actorOf(request) }),
    );

    app.get(
      '/audit-templates/current',
      {
        config: requires('providers.read'),
        schema: { tags, summary: 'The form new audits use', response: { 200: templateWithQuestionsSchema } },
      },
      (request) => currentTemplate({ db, actor: actorOf(request) }),
    );

    app.post(
      '/audit-templates',
      {
        config: requires('audit_templates.manage'),
        schema: {
          tags,
          summary: 'Publish a new version of the audit form',
          body: publishTemplateBodySchema,
          response: { 201: templateWithQuestionsSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await publishTemplate({ db, actor: actorOf(request), ipAddress: request.ip, ...request.body }),
          ),
    );
  };
}
