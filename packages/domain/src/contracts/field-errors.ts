/**
 * A request schema's verdict as a form shows it: the first message for each field, keyed by the
 * field's dotted path (`newPerson.name`), the same keys the API's 400 answers use. A form that checks
 * with the route's own schema says exactly what the server would, before the round trip.
 */
import type { z } from 'zod';

export function fieldErrorsOf(schema: z.ZodType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join('.');
    errors[field] ??= issue.message;
  }
  return errors;
}
