import type { z } from 'zod';
import { AppError } from './errors.ts';

/** Checks input that did not come through a route's body schema (multipart form fields). */
export function parseOrFail<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    path: issue.path.join('.') || '(form)',
    message: issue.message,
  }));
  throw new AppError(
    'request.invalid',
    400,
    'Some of the information is not right. Check the fields listed.',
    fields,
  );
}
