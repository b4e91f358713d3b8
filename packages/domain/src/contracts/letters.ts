/**
 * Request and response shapes of the safeguarding assurance letter routes (Appendix 2): asking a
 * provider for its letter, and the provider signing it in the portal.
 */
import { z } from 'zod';
import { signLetterSchema } from '../letters/appendix-2.ts';

export { signLetterSchema };

export const letterViewSchema = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  providerName: z.string(),
  schoolName: z.string(),
  headteacherName: z.string(),
  requestedAt: z.iso.datetime(),
  status: z.enum(['requested', 'signed']),
  signedAt: z.iso.datetime().nullable(),
  content: z
    .object({
      to: z.string(),
      from: z.string(),
      dear: z.string(),
      opening: z.string(),
      checks: z.array(z.string()),
      undertakings: z.array(z.string()),
      name: z.string(),
      role: z.string(),
      organisation: z.string(),
      signature: z.string(),
      signedOn: z.string(),
    })
    .nullable(),
  contentSha256: z.string().nullable(),
});
export const letterListSchema = z.object({ letters: z.array(letterViewSchema) });
export const requestLetterBodySchema = z.strictObject({
  schoolId: z.uuid({ message: 'Choose one of your schools' }),
});

export type SafeguardingLetter = z.infer<typeof letterViewSchema>;
export type SignLetterRequest = z.input<typeof signLetterSchema>;
