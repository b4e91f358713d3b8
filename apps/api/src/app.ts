/**
 * Builds the Waymark HTTP app: security plugins first, then the authorization gate, then each
 * feature module under /api, then the web app's built files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { CSRF_HEADER, registerAuthorization, withPolicy } from './lib/authorization.ts';
import type { AppDependencies } from './lib/dependencies.ts';
import { clientErrorHandler, registerErrorHandler } from './lib/error-handler.ts';
import { loggerOptions } from './lib/logging.ts';
import { publicRoute } from './lib/policy.ts';
import { registerTextSafety } from './lib/text-safety.ts';
import { apiKeysRoutes } from './modules/attendance/api-keys.routes.ts';
import { attendanceRoutes } from './modules/attendance/attendance.routes.ts';
import { attendanceRatesRoutes } from './modules/attendance/attendance-rates.routes.ts';
import { auditRoutes } from './modules/audit-log/audit-log.routes.ts';
import { auditsRoutes } from './modules/audits/audits.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { identifyWith } from './modules/auth/identify.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { censusRoutes } from './modules/census/census.routes.ts';
import { dataProtectionRoutes } from './modules/data-protection/data-protection.routes.ts';
import { exportsRoutes } from './modules/exports/exports.routes.ts';
import { feedsRoutes } from './modules/feeds/feeds.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { incidentsRoutes } from './modules/incidents/incidents.routes.ts';
import { inspectionPackRoutes } from './modules/inspection-pack/inspection-pack.routes.ts';
import { invitationsRoutes } from './modules/invitations/invitations.routes.ts';
import { lettersRoutes } from './modules/letters/letters.routes.ts';
import { noticesRoutes } from './modules/notices/notices.routes.ts';
import { outboxRoutes } from './modules/notifications/outbox.routes.ts';
import { notificationPreferencesRoutes } from './modules/notifications/preferences.routes.ts';
import { obligationsRoutes } from './modules/obligations/obligations.routes.ts';
import { organisationRoutes } from './modules/organisation/organisation.routes.ts';
import { ehcpReviewRoutes } from './modules/placements/ehcp-reviews.routes.ts';
import { placementsRoutes } from './modules/placements/placements.routes.ts';
import { portalPlacementsRoutes } from './modules/placements/portal.routes.ts';
import { policyRoutes } from './modules/policy/policy.routes.ts';
import { progressReportsRoutes } from './modules/progress-reports/progress-reports.routes.ts';
import { providerCommunicationsRoutes } from './modules/providers/communications.routes.ts';
import { decisionsRoutes } from './modules/providers/decisions.routes.ts';
import { documentsRoutes } from './modules/providers/documents.routes.ts';
import { insuranceRoutes } from './modules/providers/insurance.routes.ts';
import { providersRoutes } from './modules/providers/providers.routes.ts';
import { renewalsRoutes } from './modules/providers/renewals.routes.ts';
import { slaRoutes } from './modules/providers/sla.routes.ts';
import { pupilDocumentsRoutes } from './modules/pupils/pupil-documents.routes.ts';
import { pupilImportRoutes } from './modules/pupils/pupil-import.routes.ts';
import { pupilsRoutes } from './modules/pupils/pupils.routes.ts';
import { qaRoutes } from './modules/qa/qa.routes.ts';
import { reportsRoutes } from './modules/reports/reports.routes.ts';
import { secondFactorRoutes } from './modules/second-factor/second-factor.routes.ts';
import { singleSignOnRoutes } from './modules/single-sign-on/single-sign-on.routes.ts';
import { trainingRoutes } from './modules/training/training.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { voiceRoutes } from './modules/voice/voice.routes.ts';
import { warningsRoutes } from './modules/warnings/warnings.routes.ts';

const BODY_LIMIT_BYTES = 1024 * 1024;

export async function buildApp(
  deps: AppDependencies,
  options: { logger?: boolean; logStream?: NodeJS.WritableStream } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(deps.config.logLevel, options.logStream),
    trustProxy: deps.config.trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { ignoreTrailingSlash: true },
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerTextSafety(app);

  await app.register(helmet, {
    // HSTS only where Waymark is served over HTTPS; on plain http it would be ignored anyway.
    hsts: deps.config.cookieSecure,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets CSS variables through a style element at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: deps.config.cookieSecure ? [] : null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Waymark API',
        version: deps.config.version,
        description: 'Alternative provision oversight for schools.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'waymark_session' },
          csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER },
          providerKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'A provider API key issued by the school',
          },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });

  registerAuthorization(app, identifyWith(deps));

  await app.register(
    async (api) => {
      await api.register(healthRoutes(deps), { prefix: '/health' });
      await api.register(authRoutes(deps), { prefix: '/auth' });
      await api.register(usersRoutes(deps), { prefix: '/users' });
      await api.register(organisationRoutes(deps), { prefix: '/organisation' });
      await api.register(calendarRoutes(deps));
      await api.register(providersRoutes(deps), { prefix: '/providers' });
      await api.register(renewalsRoutes(deps), { prefix: '/providers' });
      await api.register(insuranceRoutes(deps), { prefix: '/providers' });
      await api.register(slaRoutes(deps), { prefix: '/providers' });
      await api.register(providerCommunicationsRoutes(deps), { prefix: '/providers' });
      await api.register(decisionsRoutes(deps), { prefix: '/providers' });
      await api.register(pupilsRoutes(deps), { prefix: '/pupils' });
      await api.register(placementsRoutes(deps), { prefix: '/placements' });
      await api.register(ehcpReviewRoutes(deps), { prefix: '/placements' });
      await api.register(pupilDocumentsRoutes(deps), { prefix: '/pupils' });
      await api.register(pupilImportRoutes(deps), { prefix: '/pupils' });
      await api.register(portalPlacementsRoutes(deps));
      await api.register(attendanceRoutes(deps));
      await api.register(attendanceRatesRoutes(deps));
      await api.register(apiKeysRoutes(deps));
      await api.register(lettersRoutes(deps));
      await api.register(documentsRoutes(deps));
      await api.register(auditsRoutes(deps));
      await api.register(auditRoutes(deps), { prefix: '/audit-log' });
      await api.register(invitationsRoutes(deps));
      await api.register(noticesRoutes(deps));
      await api.register(incidentsRoutes(deps));
      await api.register(qaRoutes(deps), { prefix: '/qa' });
      await api.register(voiceRoutes(deps));
      await api.register(secondFactorRoutes(deps));
      await api.register(singleSignOnRoutes(deps));
      await api.register(progressReportsRoutes(deps));
      await api.register(warningsRoutes(deps), { prefix: '/warnings' });
      await api.register(inspectionPackRoutes(deps), { prefix: '/inspection-pack' });
      await api.register(dataProtectionRoutes(deps), { prefix: '/data-protection' });
      await api.register(trainingRoutes(deps), { prefix: '/training' });
      await api.register(policyRoutes(deps), { prefix: '/policy' });
      await api.register(obligationsRoutes(deps), { prefix: '/obligations' });
      await api.register(feedsRoutes(deps));
      await api.register(exportsRoutes(deps), { prefix: '/exports' });
      await api.register(censusRoutes(deps), { prefix: '/census' });
      await api.register(reportsRoutes(deps), { prefix: '/reports' });
      await api.register(outboxRoutes(deps), { prefix: '/outbox' });
      await api.register(notificationPreferencesRoutes(deps), { prefix: '/account' });
      api.get(
        '/openapi.json',
        { config: publicRoute('The API reference describes routes, not data'), schema: { hide: true } },
        async () => app.swagger(),
      );
    },
    { prefix: '/api' },
  );
  await app.register(withPolicy(swaggerUi, publicRoute('The API reference page')), {
    routePrefix: '/api/docs',
  });

  await registerWebApp(app, deps.config.webDistDir);
  return app;
}

/** Serves the built single-page app; any other non-API GET gets index.html so deep links work. */
async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const hasWebApp = existsSync(join(distDir, 'index.html'));
  if (hasWebApp) {
    await app.register(
      withPolicy(fastifyStatic, publicRoute('The web app’s own files: scripts, styles, icons')),
      {
        root: distDir,
        wildcard: false,
        index: false,
      },
    );
  }
  // Read once: it is small, and re-reading it on every deep link would be wasted I/O.
  const indexHtml = hasWebApp ? readFileSync(join(distDir, 'index.html'), 'utf8') : null;
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api') && indexHtml;
    if (wantsPage)
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    return reply.status(404).send({
      error: {
        code: 'route.not_found',
        message: `There is no ${request.method} ${request.url.split('?')[0]}.`,
      },
    });
  });
}
