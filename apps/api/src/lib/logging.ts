/**
 * What the server log may hold: where and why something failed, never the data it failed on. The log
 * leaves the school's control (hosting, log shipping, support), so it never carries request bodies,
 * query strings, SQL parameters or the values a database error quotes back: those hold pupils' names,
 * disclosures typed into a concern and password hashes.
 */
import type { FastifyRequest } from 'fastify';

const MAX_CAUSES = 3;

/**
 * A message with the data taken out: drizzle appends the query's parameters after "params:", and
 * PostgreSQL quotes the offending value after a colon ('invalid input syntax for type uuid: "…"').
 */
export function safeMessage(message: unknown): string {
  if (typeof message !== 'string') return '';
  return message
    .replace(/\n?params:[\s\S]*$/, '\nparams: [not logged]')
    .replace(/:\s*"[^"]*"\s*$/, ': [value not logged]')
    .replace(/\s*Failing row contains[\s\S]*$/, '');
}

export interface SafeError {
  type: string;
  message: string;
  stack: string;
  [detail: string]: unknown;
}

/** An error as the log may hold it: its kind, code, a safe message, where it was thrown, and why. */
export function safeError(error: unknown, depth = 0): SafeError {
  if (!error || typeof error !== 'object') {
    const message = safeMessage(String(error));
    return { type: typeof error, message, stack: message };
  }
  const e = error as Record<string, unknown> & { stack?: string; cause?: unknown };
  const type = (e.name as string | undefined) ?? e.constructor?.name ?? 'Error';
  const message = safeMessage(e.message);
  // A stack begins with the message itself: keep only the frames.
  const frames = typeof e.stack === 'string' ? e.stack.split('\n').filter((l) => /^\s+at /.test(l)) : [];
  const safe: SafeError = {
    type,
    message,
    stack: [`${type}: ${message}`, ...frames].join('\n'),
  };
  // Where a database error happened, never what it was given (pg's `detail`, `where` and `hint` quote rows).
  for (const key of ['code', 'statusCode', 'severity', 'table', 'column', 'constraint', 'routine'])
    if (typeof e[key] === 'string' || typeof e[key] === 'number') safe[key] = e[key];
  if (e.cause && depth < MAX_CAUSES) safe.cause = safeError(e.cause, depth + 1);
  return safe;
}

/** A request as the log may hold it: the method and the path without its query string. */
export function safeRequest(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: request.url.split('?')[0],
    remoteAddress: request.ip,
  };
}

/** Options for Fastify's logger (pino) that keep personal data out of every line it writes. */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream) {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      err: (error: unknown) => safeError(error),
      error: (error: unknown) => safeError(error),
      req: safeRequest,
    },
    // Belt and braces: whatever a future line passes, these never reach the log.
    redact: {
      paths: [
        'body',
        'req.body',
        'request.body',
        'query',
        'req.query',
        'params',
        'req.headers.cookie',
        'req.headers.authorization',
        'headers.cookie',
        'headers.authorization',
        'password',
        '*.password',
        'passwordHash',
        '*.passwordHash',
        'token',
        '*.token',
        'secret',
        '*.secret',
      ],
      censor: '[not logged]',
    },
  };
}
