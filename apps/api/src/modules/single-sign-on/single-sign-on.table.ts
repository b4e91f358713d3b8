import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { groups } from '../organisation/organisation.table.ts';

/**
 * An OpenID Connect provider a group signs in with (its Microsoft Entra ID tenant, its Google
 * Workspace). People are sent to it by the domain of their email address, so each domain belongs to
 * one provider across Waymark.
 */
export const signInProviders = pgTable(
  'sign_in_providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    /** What the sign-in button and the administrator see: "Microsoft (Elmfield staff)". */
    name: text('name').notNull(),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    /** Never returned by the API: an administrator can replace it, not read it. */
    clientSecret: text('client_secret').notNull(),
    /** Lower-case email domains whose people sign in here, e.g. {elmfield.sch.uk}. */
    emailDomains: text('email_domains').array().notNull(),
    isEnabled: boolean('is_enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('sign_in_providers_group_idx').on(t.groupId),
    index('sign_in_providers_domains_idx').using('gin', t.emailDomains),
  ],
);

/**
 * A sign-in sent to a provider and not yet back. The browser holds a random token in a cookie (only
 * its hash is here) so the answer is accepted only in the browser that asked, once, within minutes.
 */
export const singleSignOnAttempts = pgTable(
  'single_sign_on_attempts',
  {
    tokenHash: text('token_hash').primaryKey(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => signInProviders.id, { onDelete: 'cascade' }),
    state: text('state').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    /** The address typed on the sign-in page; the provider may answer with another of the same person. */
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('single_sign_on_attempts_expiry_idx').on(t.expiresAt)],
);

export const emailDomainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();
