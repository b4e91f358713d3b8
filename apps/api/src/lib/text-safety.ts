/**
 * Text that cannot be stored is refused at the door, for every route in one place. PostgreSQL cannot
 * hold a NUL character in text, and a lone UTF-16 surrogate is silently turned into U+FFFD on the way
 * in: the first would fail deep in a query (a 500, with the value in the error), the second would
 * change what the person typed. Both get a 400 naming the field, before any route runs.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NUL = String.fromCharCode(0);

const UNSTORABLE_MESSAGE =
  'Contains a character that cannot be stored (a NUL or a broken Unicode character): remove it';

export const hasUnstorableText = (text: string) => text.includes(NUL) || LONE_SURROGATE.test(text);

/** The paths of every string (and object key) in a parsed value that cannot be stored. */
export function unstorablePaths(value: unknown, path: string[] = [], found: string[] = []): string[] {
  if (found.length >= 20) return found;
  if (typeof value === 'string') {
    if (hasUnstorableText(value)) found.push(path.join('.') || '(body)');
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) unstorablePaths(item, [...path, String(i)], found);
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (hasUnstorableText(key)) found.push([...path, '(a field name)'].join('.'));
      else unstorablePaths(item, [...path, key], found);
    }
  }
  return found;
}

/** The 400 for text that cannot be stored, one field error per path. */
export function unstorableTextError(paths: string[]): AppError {
  return new AppError(
    'request.invalid',
    400,
    'Some of the information is not right. Check the fields listed.',
    paths.map((path) => ({ path, message: UNSTORABLE_MESSAGE })),
  );
}

/** Checks the path, the query string and a parsed JSON body of every request before validation. */
export function registerTextSafety(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const paths = [
      ...unstorablePaths(request.params).map((p) => `path.${p}`),
      ...unstorablePaths(request.query).map((p) => `query.${p}`),
      ...unstorablePaths(request.body),
    ];
    if (paths.length) throw unstorableTextError(paths);
  });
}
