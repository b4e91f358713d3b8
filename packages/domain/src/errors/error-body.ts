/** The shape of every error the API returns, so clients can show field messages next to fields. */
import { z } from 'zod';

export const fieldErrorSchema = z.object({
  path: z.string().meta({ description: 'Dotted path of the field, e.g. "halfTerms.2.endsOn"' }),
  message: z.string(),
});

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().meta({ description: 'Stable code, e.g. "users.not_found"' }),
    message: z.string(),
    fields: z.array(fieldErrorSchema).optional(),
  }),
});

export type ErrorBody = z.infer<typeof errorBodySchema>;
export type FieldError = z.infer<typeof fieldErrorSchema>;
