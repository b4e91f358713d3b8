/** The service level agreement with each provider (policy §6.1): what was agreed, and the signed copy. */
import { dateInWords } from '@waymark/domain';
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import type { Reading } from '../../lib/use-case.ts';
import { createProvidersRepository } from './providers.repository.ts';
import { providerDocuments, providerSlas } from './providers.table.ts';

export interface SlaTerms {
  safeguarding: string;
  dataSharing: string;
  attendanceAmBy: string;
  attendancePmBy: string;
  attendanceMethod: string;
  complaints: string;
  escalation: string;
  startsOn: string;
  endsOn: string;
  signedDocumentId: string | null;
}

export async function currentSla(db: Database, groupId: string, providerId: string) {
  const [row] = await db
    .select()
    .from(providerSlas)
    .where(and(eq(providerSlas.groupId, groupId), eq(providerSlas.providerId, providerId)))
    .orderBy(desc(providerSlas.recordedAt), desc(providerSlas.id))
    .limit(1);
  return row ?? null;
}

export async function getSla({ db, actor, providerId }: { db: Database; actor: Actor; providerId: string }) {
  await createProvidersRepository({ db }).get(actor.groupId, providerId);
  const sla = await currentSla(db, actor.groupId, providerId);
  if (!sla) return { sla: null };
  const { groupId: _g, providerId: _p, recordedBy: _r, ...terms } = sla;
  return { sla: { ...terms, recordedAt: sla.recordedAt.toISOString() } };
}

export async function recordSla({
  db,
  actor,
  ipAddress,
  providerId,
  terms,
}: Reading & { ipAddress: string | null; providerId: string; terms: SlaTerms }) {
  await db.transaction(async (tx) => {
    const provider = await createProvidersRepository({ db: tx }).get(actor.groupId, providerId);
    if (terms.signedDocumentId) {
      const [document] = await tx
        .select({ kind: providerDocuments.kind })
        .from(providerDocuments)
        .where(
          and(eq(providerDocuments.providerId, providerId), eq(providerDocuments.id, terms.signedDocumentId)),
        );
      if (document?.kind !== 'sla') {
        throw fieldError(
          'sla.unknown_document',
          'signedDocumentId',
          'Choose a service level agreement filed for this provider',
        );
      }
    }
    await tx
      .insert(providerSlas)
      .values({ groupId: actor.groupId, providerId, ...terms, recordedBy: actor.userId });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'providers.sla_recorded',
        recordType: 'provider',
        recordId: providerId,
        summary: `Recorded the SLA with ${provider.name}: ${dateInWords(terms.startsOn)} to ${dateInWords(terms.endsOn)}, attendance by ${terms.attendanceAmBy} (AM) and ${terms.attendancePmBy} (PM)${terms.signedDocumentId ? ', signed copy on file' : ', not yet signed'}`,
      },
    );
  });
  return getSla({ db, actor, providerId });
}
