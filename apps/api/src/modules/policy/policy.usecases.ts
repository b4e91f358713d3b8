/**
 * The AP policy's issues: the latest is in force; its review date drives the reminder. A new issue
 * records which versions of the audit (Appendix 1) and QA (Appendix 5) forms belong to it.
 */
import {
  appendix5,
  dateInWords,
  type PolicyVersionInput,
  policyReviewState,
  seedPolicyVersion,
} from '@waymark/domain';
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { createAuditsRepository } from '../audits/audits.repository.ts';
import { policyVersions } from './policy.table.ts';

export async function policyOverview({
  db,
  groupId,
  today,
}: {
  db: Database;
  groupId: string;
  today: string;
}) {
  const versions = await db
    .select()
    .from(policyVersions)
    .where(eq(policyVersions.groupId, groupId))
    .orderBy(desc(policyVersions.issuedOn), desc(policyVersions.recordedAt));
  const current = versions[0] ?? null;
  return {
    current: current && { ...present(current), review: policyReviewState(current.nextReviewOn, today) },
    versions: versions.map(present),
  };
}

const present = (v: typeof policyVersions.$inferSelect) => ({
  id: v.id,
  policyNumber: v.policyNumber,
  issueNumber: v.issueNumber,
  issuedOn: v.issuedOn,
  author: v.author,
  approver: v.approver,
  nextReviewOn: v.nextReviewOn,
  changes: v.changes,
  auditTemplateVersion: v.auditTemplateVersion,
  qaTemplateVersion: v.qaTemplateVersion,
  recordedByName: v.recordedByName,
});

export async function recordPolicyVersion(
  { db, actor, ipAddress, now }: { db: Database; actor: Actor; ipAddress: string | null; now: Date },
  input: PolicyVersionInput,
) {
  return db.transaction(async (tx) => {
    const template = await createAuditsRepository({ db: tx }).currentTemplate(actor.groupId);
    const [row] = await tx
      .insert(policyVersions)
      .values({
        groupId: actor.groupId,
        ...input,
        auditTemplateVersion: template.version,
        qaTemplateVersion: appendix5.version,
        recordedByName: actor.displayName,
        recordedAt: now,
      })
      .returning({ id: policyVersions.id });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'policy.version_recorded',
        recordType: 'group',
        recordId: actor.groupId,
        summary: `AP policy ${input.policyNumber} issue ${input.issueNumber} of ${dateInWords(input.issuedOn)}, next review ${dateInWords(input.nextReviewOn)}`,
      },
    );
    return { id: row!.id };
  });
}

/** The browser journeys' trust starts with the seed policy, issue 002, written directly. */
export async function seedPolicy(db: Database, groupId: string, now: Date) {
  const template = await createAuditsRepository({ db }).currentTemplate(groupId);
  await db.insert(policyVersions).values({
    groupId,
    ...seedPolicyVersion,
    auditTemplateVersion: template.version,
    qaTemplateVersion: appendix5.version,
    recordedByName: 'Waymark',
    recordedAt: now,
  });
}
