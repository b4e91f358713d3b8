/** The headteacher's decisions on a provider (Appendix 3 sign-off, §5.2). */
import { todayInLondon } from '@waymark/domain';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { defineError } from '../../lib/errors.ts';
import { evaluateProviders } from './approval-facts.ts';
import { createProvidersRepository } from './providers.repository.ts';
import { providerDecisions } from './providers.table.ts';
import { getProvider } from './providers.usecases.ts';

export type DecisionKind = 'approved' | 'suspended' | 'withdrawn' | 'reinstated';

const decisionErrors = {
  notReady: defineError(
    'providers.not_ready',
    409,
    'The provider cannot be approved until every check is met.',
  ),
  notSuspended: defineError('providers.not_suspended', 409, 'Only a suspended provider can be reinstated.'),
  reasonNeeded: defineError('providers.reason_needed', 400, 'Say why.'),
};

const verbs: Record<DecisionKind, string> = {
  approved: 'Approved',
  suspended: 'Suspended',
  withdrawn: 'Withdrew',
  reinstated: 'Reinstated',
};

export async function decideOnProvider({
  db,
  actor,
  ipAddress,
  providerId,
  kind,
  reason,
  now,
}: {
  db: Database;
  actor: Actor;
  ipAddress: string | null;
  providerId: string;
  kind: DecisionKind;
  reason: string;
  /** The app's clock: the latest decision is the provider's standing, so each is dated by it. */
  now: Date;
}) {
  const today = todayInLondon(now);
  await db.transaction(async (tx) => {
    const provider = await createProvidersRepository({ db: tx }).get(actor.groupId, providerId);
    const evaluation = (await evaluateProviders(tx, [provider], today)).get(providerId)!;
    if ((kind === 'suspended' || kind === 'withdrawn') && !reason.trim()) {
      throw decisionErrors.reasonNeeded({
        fields: [{ path: 'reason', message: `Say why the provider is ${kind}` }],
      });
    }
    if (kind === 'reinstated' && evaluation.status !== 'suspended') throw decisionErrors.notSuspended();
    if (kind === 'approved' && !evaluation.readyForSignOff) {
      const missing = evaluation.steps.filter((s) => !s.done && s.id !== 'sign_off');
      throw decisionErrors.notReady({
        message: `The provider cannot be approved yet: ${missing.length} ${missing.length === 1 ? 'check is' : 'checks are'} not met.`,
        fields: missing.map((s) => ({ path: `steps.${s.id}`, message: `${s.label}: ${s.detail}` })),
      });
    }
    await tx.insert(providerDecisions).values({
      groupId: actor.groupId,
      providerId,
      kind,
      reason: reason.trim(),
      decidedBy: actor.userId,
      decidedByName: actor.displayName,
      decidedAt: now,
    });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: `providers.${kind}`,
        recordType: 'provider',
        recordId: providerId,
        summary: `${verbs[kind]} ${provider.name}${reason.trim() ? `: ${reason.trim()}` : ''}`,
      },
    );
  });
  return getProvider({ db, actor, providerId, today });
}
