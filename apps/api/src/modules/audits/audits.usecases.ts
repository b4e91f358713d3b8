/**
 * Appendix 1 audits of providers: start on the group's current template, save drafts at any time,
 * submit only when every question is answered. A submitted audit never changes.
 */
import {
  type AuditAnswers,
  type AuditTemplate,
  checkAnswerValues,
  countQuestions,
  findMissingAnswers,
} from '@waymark/domain';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import type { Reading } from '../../lib/use-case.ts';
import { createProvidersRepository } from '../providers/providers.repository.ts';
import { auditsErrors } from './audits.errors.ts';
import { createAuditsRepository } from './audits.repository.ts';
import type { auditTemplates, providerAudits } from './audits.table.ts';

type Command = { db: Database; actor: Actor; ipAddress: string | null };
type AuditRow = typeof providerAudits.$inferSelect;

function summarise(audit: AuditRow, template: AuditTemplate, version: number) {
  const questionCount = countQuestions(template);
  const suitable = audit.answers.suitable?.answer;
  return {
    id: audit.id,
    status: audit.status,
    visitedAt: audit.visitedAt.toISOString(),
    auditorName: audit.auditorName,
    templateVersion: version,
    answered:
      questionCount -
      findMissingAnswers(template, audit.answers).filter((m) => m.missing === 'Yes or No').length,
    questionCount,
    suitable: suitable ? suitable === 'yes' : null,
    submittedAt: audit.submittedAt?.toISOString() ?? null,
    updatedAt: audit.updatedAt.toISOString(),
  };
}

async function providerInGroup(db: Database, actor: Actor, providerId: string) {
  const provider = await createProvidersRepository({ db }).get(actor.groupId, providerId);
  return provider;
}

export async function listProviderAudits({ db, actor, providerId }: Reading & { providerId: string }) {
  await providerInGroup(db, actor, providerId);
  const rows = await createAuditsRepository({ db }).listForProvider(actor.groupId, providerId);
  const templates = await createAuditsRepository({ db }).listTemplates(actor.groupId);
  const byId = new Map(templates.map((t) => [t.id, t]));
  return {
    audits: rows.map(({ audit, version }) => summarise(audit, byId.get(audit.templateId)!.template, version)),
  };
}

export async function getAudit({ db, actor, auditId }: { db: Database; actor: Actor; auditId: string }) {
  const found = await createAuditsRepository({ db }).find(actor.groupId, auditId);
  if (!found) throw auditsErrors.notFound();
  const provider = await providerInGroup(db, actor, found.audit.providerId);
  const { template, version } = found.template;
  return {
    ...summarise(found.audit, template, version),
    providerId: provider.id,
    providerName: provider.name,
    template,
    answers: found.audit.answers,
    missing: findMissingAnswers(template, found.audit.answers),
  };
}

export async function startAudit({
  db,
  actor,
  ipAddress,
  providerId,
  visit,
}: Command & { providerId: string; visit: { visitedAt: string; auditorName: string } }) {
  const auditId = await db.transaction(async (tx) => {
    const provider = await providerInGroup(tx, actor, providerId);
    const repository = createAuditsRepository({ db: tx });
    const template = await repository.currentTemplate(actor.groupId);
    const audit = await repository.insert({
      groupId: actor.groupId,
      providerId,
      templateId: template.id,
      visitedAt: new Date(visit.visitedAt),
      auditorName: visit.auditorName,
      createdBy: actor.userId,
    });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'audits.started',
        recordType: 'provider_audit',
        recordId: audit.id,
        summary: `Started an Appendix 1 audit of ${provider.name} (form version ${template.version})`,
      },
    );
    return audit.id;
  });
  return getAudit({ db, actor, auditId });
}

async function draftInGroup(db: Database, actor: Actor, auditId: string) {
  const found = await createAuditsRepository({ db }).find(actor.groupId, auditId);
  if (!found) throw auditsErrors.notFound();
  if (found.audit.status !== 'draft') throw auditsErrors.alreadySubmitted();
  return found;
}

export async function saveAuditDraft({
  db,
  actor,
  ipAddress,
  auditId,
  changes,
}: Command & {
  auditId: string;
  changes: { visitedAt?: string | undefined; auditorName?: string | undefined; answers: AuditAnswers };
}) {
  await db.transaction(async (tx) => {
    const { audit, template } = await draftInGroup(tx, actor, auditId);
    const fields = checkAnswerValues(template.template, changes.answers);
    if (fields.length) throw auditsErrors.invalidAnswers({ fields });
    await createAuditsRepository({ db: tx }).update(auditId, {
      answers: changes.answers,
      ...(changes.visitedAt ? { visitedAt: new Date(changes.visitedAt) } : {}),
      ...(changes.auditorName ? { auditorName: changes.auditorName } : {}),
    });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'audits.draft_saved',
        recordType: 'provider_audit',
        recordId: audit.id,
        summary: `Saved a draft of an audit: ${Object.keys(changes.answers).length} questions answered so far`,
      },
    );
  });
  return getAudit({ db, actor, auditId });
}

export async function submitAudit({
  db,
  actor,
  ipAddress,
  auditId,
  now,
}: Command & { auditId: string; now: Date }) {
  await db.transaction(async (tx) => {
    const { audit, template } = await draftInGroup(tx, actor, auditId);
    const missing = findMissingAnswers(template.template, audit.answers);
    if (missing.length) {
      throw auditsErrors.incomplete({
        message: `The audit cannot be submitted: ${missing.length} ${missing.length === 1 ? 'answer is' : 'answers are'} missing.`,
        fields: missing.map((m) => ({
          path: `answers.${m.questionId}`,
          message: `${m.section} – ${m.question}: ${m.missing} missing`,
        })),
      });
    }
    const provider = await providerInGroup(tx, actor, audit.providerId);
    await createAuditsRepository({ db: tx }).update(auditId, {
      status: 'submitted',
      submittedAt: now,
      submittedBy: actor.userId,
    });
    const suitable = audit.answers.suitable?.answer === 'yes';
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'audits.submitted',
        recordType: 'provider_audit',
        recordId: audit.id,
        summary: `Submitted the audit of ${provider.name}: provision ${suitable ? 'suitable' : 'not suitable'}`,
      },
    );
  });
  return getAudit({ db, actor, auditId });
}

function presentTemplate(row: typeof auditTemplates.$inferSelect) {
  return {
    id: row.id,
    version: row.version,
    title: row.template.title,
    policyReference: row.template.policyReference,
    questionCount: countQuestions(row.template),
    publishedAt: row.publishedAt.toISOString(),
    notes: row.notes,
  };
}

export async function listTemplates({ db, actor }: { db: Database; actor: Actor }) {
  const repository = createAuditsRepository({ db });
  await repository.currentTemplate(actor.groupId);
  return { templates: (await repository.listTemplates(actor.groupId)).map(presentTemplate) };
}

export async function currentTemplate({ db, actor }: { db: Database; actor: Actor }) {
  const row = await createAuditsRepository({ db }).currentTemplate(actor.groupId);
  return { ...presentTemplate(row), template: row.template };
}

/** After the annual policy review: new audits use the new version; audits already started keep theirs. */
export async function publishTemplate({
  db,
  actor,
  ipAddress,
  template,
  notes,
}: Command & { template: AuditTemplate; notes: string }) {
  const row = await db.transaction(async (tx) => {
    const repository = createAuditsRepository({ db: tx });
    const current = await repository.currentTemplate(actor.groupId);
    const published = await repository.insertTemplate({
      groupId: actor.groupId,
      version: current.version + 1,
      template,
      publishedBy: actor.userId,
      notes,
    });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'audit_templates.published',
        recordType: 'audit_template',
        recordId: published.id,
        summary: `Published version ${published.version} of the audit form (${countQuestions(template)} questions): ${notes}`,
      },
    );
    return published;
  });
  return { ...presentTemplate(row), template: row.template };
}
