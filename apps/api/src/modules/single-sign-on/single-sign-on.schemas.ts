import { emailSchema } from '@waymark/domain';
import { signInProviderViewSchema } from '@waymark/domain/contracts/single-sign-on';
import { z } from 'zod';
import { isLocalAddress } from './openid.ts';

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    message: 'Enter an email domain such as elmfield.sch.uk (no @, no spaces)',
  });

const issuerSchema = z
  .string()
  .trim()
  .max(500)
  .refine((value) => URL.canParse(value), 'Enter the issuer address, starting https://')
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLocalAddress(url));
  }, 'The issuer must be an https:// address')
  .transform((value) => value.replace(/\/+$/, ''));

export const signInProviderBodySchema = z.strictObject({
  name: z.string().trim().min(1, 'Enter a name people will recognise, e.g. Microsoft').max(80),
  issuer: issuerSchema,
  clientId: z.string().trim().min(1, 'Enter the client (application) id').max(300),
  clientSecret: z.string().trim().min(1, 'Enter the client secret').max(500),
  emailDomains: z
    .array(domainSchema)
    .min(1, 'Add at least one email domain whose people sign in this way')
    .max(20)
    .refine((domains) => new Set(domains).size === domains.length, 'A domain is listed twice'),
  isEnabled: z.boolean().default(true),
});

/** Every field may change; a secret left out keeps the one stored. */
export const signInProviderUpdateSchema = signInProviderBodySchema
  .extend({ clientSecret: signInProviderBodySchema.shape.clientSecret.optional() })
  .partial();

export const signInProviderParamsSchema = z.object({ providerId: z.uuid({ message: 'Not a provider id' }) });

// The answer's shape is shared with the web.
export { signInProviderViewSchema };

export const startSingleSignOnBodySchema = z.strictObject({ email: emailSchema });

export const singleSignOnCallbackQuerySchema = z.object({
  state: z.string().max(500).optional(),
  code: z.string().max(4000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(500).optional(),
  session_state: z.string().max(500).optional(),
});

export type SignInProviderBody = z.infer<typeof signInProviderBodySchema>;
export type SignInProviderUpdate = z.infer<typeof signInProviderUpdateSchema>;
export type SignInProviderView = z.infer<typeof signInProviderViewSchema>;
