/**
 * Turns every failure into the one error body (packages/domain errorBodySchema). Client errors say
 * what is wrong and where; anything unexpected is a plain 500 and its detail goes to the log only.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FieldError } from '@waymark/domain';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, commonErrors } from './errors.ts';

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

/** True when the error (or what caused it) means the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: string; message?: string; cause?: unknown };
    if (e.code && CONNECTION_ERROR_CODES.has(e.code)) return true;
    if (
      typeof e.message === 'string' &&
      /Connection terminated|connection timeout|Client has encountered a connection error|Cannot use a pool after calling end|PGlite is closed/i.test(
        e.message,
      )
    )
      return true;
    current = e.cause;
  }
  return false;
}

const LOCATION_NAMES: Record<string, string> = { querystring: 'query', params: 'path', headers: 'header' };

function toFieldErrors(error: FastifyError & { validationContext?: string }): FieldError[] {
  const prefix =
    error.validationContext && error.validationContext !== 'body'
      ? `${LOCATION_NAMES[error.validationContext] ?? error.validationContext}.`
      : '';
  return (error.validation ?? []).flatMap((issue) => {
    const path = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    const keys = (issue.params as { keys?: string[] }).keys;
    if (issue.keyword === 'unrecognized_keys' && keys?.length) {
      return keys.map((key) => ({
        path: prefix + (path ? `${path}.${key}` : key),
        message: 'This field is not recognised',
      }));
    }
    return [{ path: prefix + (path || '(body)'), message: issue.message ?? 'Not valid' }];
  });
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.fields ? { fields: error.fields } : {}),
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = toFieldErrors(error);
      return reply.status(400).send({
        error: {
          code: 'request.invalid',
          message: 'Some of the information is not right. Check the fields listed.',
          fields,
        },
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
      return reply
        .status(500)
        .send({ error: { code: 'internal_error', message: 'Something went wrong on our side.' } });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.error({ err: error }, 'database unavailable');
      const e = commonErrors.databaseUnavailable();
      return reply.status(e.statusCode).send({ error: { code: e.code, message: e.message } });
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.status(400).send({
          error: { code: 'request.malformed_json', message: 'The request body is not valid JSON.' },
        });
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.status(413).send({
          error: { code: 'request.too_large', message: 'The request body is larger than Waymark accepts.' },
        });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.status(415).send({
          error: {
            code: 'request.unsupported_media_type',
            message: 'Send the request body as application/json.',
          },
        });
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({ error: { code: 'request.rate_limited', message: error.message } });
    }
    if (error instanceof SyntaxError && (error as FastifyError).statusCode === 400) {
      return reply
        .status(400)
        .send({ error: { code: 'request.malformed_json', message: 'The request body is not valid JSON.' } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'internal_error', message: 'Something went wrong on our side.' } });
  });
}

const CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'request.headers_too_large',
    message: 'The request headers are larger than Waymark accepts.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'request.timeout',
    message: 'The request took too long to arrive.',
  },
};

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers too large, a broken request
 * line) still get the one error body, as JSON with a code.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = CLIENT_ERRORS[error.code ?? ''] ?? {
    status: 400,
    code: 'request.malformed',
    message: 'The request could not be read.',
  };
  const body = JSON.stringify({ error: { code: known.code, message: known.message } });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${known.status} ${STATUS_CODES[known.status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}
