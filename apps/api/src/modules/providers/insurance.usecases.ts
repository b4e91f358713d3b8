/** Insurance policies per provider, checked against the policy's minimums (§8, Appendix 1). */
import { checkInsuranceCover, dateInWords, type InsuranceType, insuranceRules } from '@waymark/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import type { Reading } from '../../lib/use-case.ts';
import { createProvidersRepository } from './providers.repository.ts';
import { providerInsurance } from './providers.table.ts';

export interface NewInsurancePolicy {
  type: InsuranceType;
  insurer: string;
  levelPounds: number;
  expiresOn: string;
  specialConditions: string;
}

async function policiesOf(db: Database, groupId: string, providerId: string) {
  return db
    .select()
    .from(providerInsurance)
    .where(and(eq(providerInsurance.groupId, groupId), eq(providerInsurance.providerId, providerId)))
    .orderBy(asc(providerInsurance.recordedAt), asc(providerInsurance.id));
}

export async function getInsurance({
  db,
  actor,
  providerId,
  today,
}: Reading & { providerId: string; today: string }) {
  await createProvidersRepository({ db }).get(actor.groupId, providerId);
  const policies = await policiesOf(db, actor.groupId, providerId);
  return {
    cover: checkInsuranceCover(policies, today),
    policies: policies.map((p) => ({
      id: p.id,
      type: p.type,
      insurer: p.insurer,
      levelPounds: p.levelPounds,
      expiresOn: p.expiresOn,
      specialConditions: p.specialConditions,
      recordedAt: p.recordedAt.toISOString(),
    })),
  };
}

export async function recordInsurance({
  db,
  actor,
  ipAddress,
  providerId,
  policy,
  today,
}: Reading & { ipAddress: string | null; providerId: string; policy: NewInsurancePolicy; today: string }) {
  const rule = insuranceRules[policy.type];
  // Recording cover below the minimum or already expired would only record a reason to refuse approval.
  if (rule.minimumPounds !== null && policy.levelPounds < rule.minimumPounds) {
    throw fieldError(
      'insurance.below_minimum',
      'levelPounds',
      `${rule.label} cover must be at least £${rule.minimumPounds.toLocaleString('en-GB')}`,
    );
  }
  if (policy.expiresOn < today) {
    throw fieldError(
      'insurance.expired',
      'expiresOn',
      'This cover has already expired: record the current certificate',
    );
  }
  await db.transaction(async (tx) => {
    const provider = await createProvidersRepository({ db: tx }).get(actor.groupId, providerId);
    await tx
      .insert(providerInsurance)
      .values({ groupId: actor.groupId, providerId, ...policy, recordedBy: actor.userId });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'providers.insurance_recorded',
        recordType: 'provider',
        recordId: providerId,
        summary: `Recorded ${rule.label.toLowerCase()} cover for ${provider.name}: ${policy.insurer}, £${policy.levelPounds.toLocaleString('en-GB')}, until ${dateInWords(policy.expiresOn)}`,
      },
    );
  });
  return getInsurance({ db, actor, providerId, today });
}
