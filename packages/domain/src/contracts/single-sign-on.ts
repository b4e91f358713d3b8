/**
 * The answer shape of a group's sign-in services (OpenID Connect). The request schemas stay in the API:
 * they check an issuer's address against the server's own rules for local addresses.
 */
import { z } from 'zod';

export const signInProviderViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  emailDomains: z.array(z.string()),
  isEnabled: z.boolean(),
  callbackUrl: z.string(),
  updatedAt: z.iso.datetime(),
});

export type SignInProvider = z.infer<typeof signInProviderViewSchema>;
export interface SignInProviderRequest {
  name: string;
  issuer: string;
  clientId: string;
  clientSecret?: string | undefined;
  emailDomains: string[];
  isEnabled: boolean;
}
