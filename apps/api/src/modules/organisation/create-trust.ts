/**
 * Creates a new trust (group) with its first trust administrator: the one step that cannot be done
 * from inside Waymark, because nobody can sign in yet. Everything else is set up in the app.
 */
import { randomBytes } from 'node:crypto';
import { emailSchema, newPasswordSchema } from '@waymark/domain';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { createUsersRepository } from '../users/users.repository.ts';
import { groups } from './organisation.table.ts';

export const createTrustInputSchema = z.object({
  trustName: z.string().trim().min(1, 'Give the trust a name').max(150),
  adminEmail: emailSchema,
  adminName: z.string().trim().min(1, 'Give the administrator a name').max(120),
  adminPassword: newPasswordSchema.optional(),
});

export async function createTrust(db: Database, input: z.infer<typeof createTrustInputSchema>) {
  const password = input.adminPassword ?? randomBytes(15).toString('base64url');
  const passwordHash = await hashPassword(password);
  const result = await db.transaction(async (tx) => {
    const users = createUsersRepository({ db: tx });
    if (await users.emailTaken(input.adminEmail))
      throw new Error(`A user with the email ${input.adminEmail} already exists.`);
    const [group] = await tx.insert(groups).values({ name: input.trustName }).returning();
    const admin = await users.insert({
      groupId: group!.id,
      email: input.adminEmail,
      displayName: input.adminName,
      passwordHash,
    });
    await users.insertAssignment({
      userId: admin.id,
      role: 'trust_admin',
      scopeType: 'group',
      scopeId: group!.id,
    });
    await recordAudit(
      tx,
      { actor: { userId: null, displayName: 'Waymark set-up', groupId: group!.id } },
      {
        action: 'groups.created',
        recordType: 'group',
        recordId: group!.id,
        summary: `Created trust ${input.trustName} with administrator ${input.adminName} <${input.adminEmail}>`,
      },
    );
    return { groupId: group!.id, adminId: admin.id };
  });
  return { ...result, password, generated: !input.adminPassword };
}
