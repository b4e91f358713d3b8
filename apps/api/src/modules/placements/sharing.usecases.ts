/**
 * Sharing pupil information with the provider (policy §6.1) and what the provider sees in the portal:
 * only the placements with its own provider, and of each pupil only what the school chose to share.
 * A referral is the school's until an AP lead sends it to an approved provider (UK GDPR data
 * minimisation): before that the portal shows nothing of the pupil.
 */
import {
  dateInWords,
  hoursPerWeek,
  maybeDateInWords,
  pupilDisplayName,
  yearGroupLabel,
  yearGroupOn,
} from '@waymark/domain';
import { and, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import type { Reading } from '../../lib/use-case.ts';
import { evaluateProviders } from '../providers/approval-facts.ts';
import { readPupilDocument } from '../pupils/pupil-documents.usecases.ts';
import { isDocumentOf } from '../pupils/pupils.repository.ts';
import { sharesOf } from './placement-records.ts';
import { placementsErrors } from './placements.errors.ts';
import { placementsWithPupils } from './placements.repository.ts';
import { placementShares, placements } from './placements.table.ts';
import { type Command, changePlacement } from './placements.usecases.ts';

export async function shareWithProvider(
  command: Command & {
    placementId: string;
    input: { what: string; method: string; sharedOn: string; documentId: string | null };
  },
) {
  const { actor, ipAddress, today, placementId, input } = command;
  if (input.sharedOn > today)
    throw fieldError('placements.future_share', 'sharedOn', 'This date is in the future');
  return changePlacement(command, async (tx, found) => {
    if (input.documentId) {
      if (!(await isDocumentOf(tx, found.pupil.id, input.documentId)))
        throw fieldError('placements.unknown_document', 'documentId', 'Choose one of this pupil’s documents');
    }
    await tx.insert(placementShares).values({
      placementId,
      ...input,
      sharedBy: actor.userId,
      sharedByName: actor.displayName,
    });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'placements.shared',
        recordType: 'placement',
        recordId: placementId,
        schoolId: found.placement.schoolId,
        summary: `Shared with ${found.provider.name} on ${dateInWords(input.sharedOn)} (${input.method}): ${input.what}`,
      },
    );
  });
}

/**
 * Send the referral to the provider: from now the portal shows the pupil's name, year, school and
 * timetable, and the sending is recorded as a share (what, when, by whom). Only to an approved provider;
 * sending again changes nothing.
 */
export async function sendReferral(command: Command & { placementId: string }) {
  const { actor, ipAddress, today, placementId } = command;
  return changePlacement(command, async (tx, found) => {
    const { placement: p, pupil, provider, schoolName } = found;
    if (p.status !== 'referral') throw placementsErrors.wrongStatus('sent as a referral', p.status);
    if (p.referralSentAt) return;
    const evaluation = (await evaluateProviders(tx, [provider], today)).get(provider.id)!;
    if (evaluation.status !== 'approved') throw placementsErrors.providerNotApprovedToSend();
    // Checked and written in one statement: of two sends at once (a double click), only one records it.
    const sent = await tx
      .update(placements)
      .set({ referralSentAt: new Date(), referralSentBy: actor.userId, version: p.version + 1 })
      .where(and(eq(placements.id, p.id), isNull(placements.referralSentAt)))
      .returning({ id: placements.id });
    if (sent.length === 0) return;
    const timetable = p.sessions.length ? `${hoursPerWeek(p.sessions)} hours a week` : 'no timetable yet';
    const what = `The referral: ${pupilDisplayName(pupil)}, ${yearGroupLabel(yearGroupOn(pupil.dateOfBirth, today))}, ${schoolName}; planned ${maybeDateInWords(p.startsOn, 'start not set')} to ${maybeDateInWords(p.plannedEndOn, 'end not set')}; ${timetable}`;
    await tx.insert(placementShares).values({
      placementId,
      what,
      method: 'Waymark provider portal',
      sharedOn: today,
      sharedBy: actor.userId,
      sharedByName: actor.displayName,
      documentId: null,
    });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'placements.referral_sent',
        recordType: 'placement',
        recordId: placementId,
        schoolId: p.schoolId,
        summary: `Sent the referral to ${provider.name}, shared in the portal: ${what}`,
      },
    );
  });
}

async function portalPlacements(db: Database, actor: Actor, placementId?: string) {
  const providerIds = reachOf(actor, 'portal.use').providerIds;
  if (providerIds.length === 0) return [];
  return placementsWithPupils(db, {
    groupId: actor.groupId,
    ...(placementId ? { ids: [placementId] } : {}),
    where: and(
      inArray(placements.providerId, providerIds),
      // An active placement, or a referral the school has sent; nothing of one it has not.
      or(
        eq(placements.status, 'active'),
        and(eq(placements.status, 'referral'), isNotNull(placements.referralSentAt)),
      ),
    )!,
  });
}

type PortalRow = Awaited<ReturnType<typeof portalPlacements>>[number];

function presentForProvider({ placement: p, pupil, providerName, schoolName }: PortalRow, today: string) {
  return {
    id: p.id,
    status: p.status,
    pupilName: pupilDisplayName(pupil),
    yearGroup: yearGroupOn(pupil.dateOfBirth, today),
    schoolName,
    providerName,
    startsOn: p.startsOn,
    plannedEndOn: p.plannedEndOn,
    sessions: p.sessions,
    hoursPerWeek: hoursPerWeek(p.sessions),
  };
}

export async function listPortalPlacements({ db, actor, today }: Reading & { today: string }) {
  return (await portalPlacements(db, actor)).map((row) => presentForProvider(row, today));
}

export async function getPortalPlacement({
  db,
  actor,
  ipAddress,
  today,
  placementId,
}: Command & { placementId: string }) {
  return db.transaction(async (tx) => {
    const [row] = await portalPlacements(tx, actor, placementId);
    if (!row) throw placementsErrors.notFound();
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'placements.viewed',
        recordType: 'placement',
        recordId: placementId,
        schoolId: row.placement.schoolId,
        summary: `${row.providerName} viewed the placement of ${pupilDisplayName(row.pupil)} in the portal`,
      },
    );
    return { ...presentForProvider(row, today), shared: await sharesOf(tx, placementId) };
  });
}

export async function downloadSharedDocument({
  db,
  actor,
  ipAddress,
  placementId,
  shareId,
}: Reading & { ipAddress: string | null; placementId: string; shareId: string }) {
  const [row] = await portalPlacements(db, actor, placementId);
  if (!row) throw placementsErrors.notFound();
  const [share] = await db
    .select({ documentId: placementShares.documentId })
    .from(placementShares)
    .where(and(eq(placementShares.id, shareId), eq(placementShares.placementId, placementId)));
  // Only a document the school shared with this placement: never any other file of the pupil's.
  if (!share?.documentId) throw placementsErrors.notFound();
  return readPupilDocument(db, { actor, ipAddress, documentId: share.documentId, pupilId: row.pupil.id });
}
