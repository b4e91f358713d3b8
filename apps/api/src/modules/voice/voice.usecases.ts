/**
 * Pupil and parent/carer voice. Waymark opens a request per active placement per half-term for the
 * pupil and for a parent (idempotent: a unique key per placement, half-term and respondent); staff
 * issue a one-time link (shown as a link and a QR code to print, or emailed to the parent); the link
 * opens one form, answers once and stops working when the half-term ends.
 */
import {
  averageScores,
  dateInWords,
  pupilFirstName,
  todayInLondon,
  type VoiceAnswers,
} from '@waymark/domain';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { defineError, fieldError } from '../../lib/errors.ts';
import { newToken, sha256 } from '../../lib/tokens.ts';
import type { Command, Reading } from '../../lib/use-case.ts';
import { queueEmail } from '../notifications/outbox.ts';
import { findPlacementInReach } from '../placements/placement-view.ts';
import { placementsWithPupils } from '../placements/placements.repository.ts';
import { providerNameOf } from '../providers/providers.repository.ts';
import { openVoiceRequests } from './open-requests.ts';
import { voiceChanges, voiceRequests } from './voice.table.ts';

export const voiceErrors = {
  notFound: defineError('voice.not_found', 404, 'There is no such request for this placement.'),
  unknownLink: defineError(
    'voice.unknown_link',
    404,
    'This link is not one we know. Check you typed it as it was given to you.',
  ),
  used: defineError('voice.already_answered', 410, 'Thank you: this form has already been answered.'),
  expired: defineError(
    'voice.expired',
    410,
    'This link has ended: it was for last half-term. The school will send a new one.',
  ),
  answered: defineError('voice.answered', 409, 'This request is answered; no new link is needed.'),
};

const statusOf = (r: typeof voiceRequests.$inferSelect, today: string) =>
  r.answeredAt
    ? ('answered' as const)
    : r.expiresOn < today
      ? ('expired' as const)
      : r.linkIssuedAt
        ? ('sent' as const)
        : ('not_sent' as const);

export async function placementVoice({
  db,
  actor,
  placementId,
  now,
}: Reading & { placementId: string; now: Date }) {
  const found = await findPlacementInReach(db, actor, placementId, 'placements.read');
  // Only this placement's: reading one page should not open the whole group's requests.
  await openVoiceRequests(db, { groupId: actor.groupId, now, placementIds: [placementId] });
  const today = todayInLondon(now);
  const [requests, changes] = await Promise.all([
    db
      .select()
      .from(voiceRequests)
      .where(eq(voiceRequests.placementId, placementId))
      .orderBy(asc(voiceRequests.expiresOn), asc(voiceRequests.respondent)),
    db
      .select()
      .from(voiceChanges)
      .where(eq(voiceChanges.placementId, placementId))
      .orderBy(asc(voiceChanges.recordedAt)),
  ]);
  return {
    // Where a parent's link can be emailed: the parents and carers with an address on the record.
    parentEmails: found.pupil.parents.filter((p) => p.email).map((p) => ({ name: p.name, email: p.email! })),
    requests: requests.map((r) => ({
      id: r.id,
      respondent: r.respondent,
      halfTerm: r.halfTerm,
      expiresOn: r.expiresOn,
      status: statusOf(r, today),
      linkIssuedAt: r.linkIssuedAt?.toISOString() ?? null,
      answeredAt: r.answeredAt?.toISOString() ?? null,
      withStaff: r.withStaff,
      answers: r.answers,
    })),
    changes: changes.map((c) => ({
      id: c.id,
      youSaid: c.youSaid,
      weDid: c.weDid,
      recordedByName: c.recordedByName,
      recordedAt: c.recordedAt.toISOString(),
    })),
  };
}

async function requestInReach(db: Database, actor: Actor, placementId: string, requestId: string) {
  const found = await findPlacementInReach(db, actor, placementId, 'placements.manage');
  const [request] = await db
    .select()
    .from(voiceRequests)
    .where(and(eq(voiceRequests.id, requestId), eq(voiceRequests.placementId, placementId)));
  if (!request) throw voiceErrors.notFound();
  return { found, request };
}

/**
 * A new one-time link for the request (any earlier link stops working), as a URL and a QR code to
 * print; for a parent, optionally emailed to the address on the pupil's record.
 */
export async function issueVoiceLink({
  db,
  actor,
  ipAddress,
  now,
  publicUrl,
  placementId,
  requestId,
  emailTo,
}: Command & { publicUrl: string; placementId: string; requestId: string; emailTo?: string | undefined }) {
  return db.transaction(async (tx) => {
    const { found, request } = await requestInReach(tx, actor, placementId, requestId);
    if (request.answeredAt) throw voiceErrors.answered();
    if (request.expiresOn < todayInLondon(now)) throw voiceErrors.expired();
    const token = newToken();
    await tx
      .update(voiceRequests)
      .set({ tokenHash: sha256(token), linkIssuedAt: now })
      .where(eq(voiceRequests.id, request.id));
    const url = `${publicUrl}/voice/${token}`;
    let emailedTo: string | null = null;
    if (emailTo !== undefined) {
      const parent = found.pupil.parents.find(
        (p) => p.email && p.email.toLowerCase() === emailTo.toLowerCase(),
      );
      if (request.respondent !== 'parent' || !parent)
        throw fieldError(
          'voice.no_such_parent',
          'emailTo',
          'Choose a parent or carer with an email address on the record',
        );
      await queueEmail(
        tx,
        {
          groupId: actor.groupId,
          kind: 'voice_request',
          to: parent.email!,
          toName: parent.name,
          // No name in the subject: it shows in previews and on shared screens.
          subject: `${found.schoolName}: four short questions about this half-term`,
          text: [
            `Dear ${parent.name},`,
            '',
            `${found.schoolName} would like to know how ${pupilFirstName(found.pupil)} is getting on at ${found.provider.name} this half-term. There are four short questions.`,
            '',
            `Answer here: ${url}`,
            '',
            `The link works once, until ${dateInWords(request.expiresOn)}. No account or password is needed.`,
          ].join('\n'),
        },
        now,
      );
      emailedTo = parent.email!;
    }
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'voice.link_issued',
        recordType: 'placement',
        recordId: placementId,
        schoolId: found.placement.schoolId,
        summary: `${request.respondent === 'pupil' ? 'Pupil' : 'Parent/carer'} voice link for ${request.halfTerm}${emailedTo ? ` emailed to ${emailedTo}` : ' issued'}`,
      },
    );
    return {
      url,
      qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
      expiresOn: request.expiresOn,
      emailedTo,
    };
  });
}

/** What the one-time link opens: the form and the first name, nothing else. */
export async function openVoiceForm(db: Database, token: string, now: Date) {
  const [request] = await db
    .select({ request: voiceRequests, providerName: providerNameOf(voiceRequests.providerId) })
    .from(voiceRequests)
    .where(eq(voiceRequests.tokenHash, sha256(token)));
  const [placement] = request ? await placementsWithPupils(db, { ids: [request.request.placementId] }) : [];
  if (!request || !placement) throw voiceErrors.unknownLink();
  const row = { ...request, pupil: placement.pupil };
  if (row.request.answeredAt) throw voiceErrors.used();
  if (row.request.expiresOn < todayInLondon(now)) throw voiceErrors.expired();
  return {
    respondent: row.request.respondent,
    firstName: pupilFirstName(row.pupil),
    providerName: row.providerName,
    expiresOn: row.request.expiresOn,
    request: row.request,
  };
}

export async function answerVoiceForm(
  db: Database,
  token: string,
  now: Date,
  input: { answers: VoiceAnswers; withStaff: boolean },
) {
  await db.transaction(async (tx) => {
    const { request } = await openVoiceForm(tx, token, now);
    // Answered once: the update only succeeds while the request is unanswered.
    const saved = await tx
      .update(voiceRequests)
      .set({ answers: input.answers, withStaff: input.withStaff, answeredAt: now })
      .where(and(eq(voiceRequests.id, request.id), isNull(voiceRequests.answeredAt)))
      .returning({ id: voiceRequests.id });
    if (!saved.length) throw voiceErrors.used();
    await recordAudit(
      tx,
      {
        actor: {
          userId: null,
          displayName: request.respondent === 'pupil' ? 'The pupil' : 'A parent or carer',
          groupId: request.groupId,
        },
      },
      {
        action: 'voice.answered',
        recordType: 'placement',
        recordId: request.placementId,
        schoolId: request.schoolId,
        summary: `${request.respondent === 'pupil' ? 'Pupil' : 'Parent/carer'} voice for ${request.halfTerm} answered${input.withStaff ? ' with a member of staff' : ''}`,
      },
    );
  });
}

export async function recordVoiceChange({
  db,
  actor,
  ipAddress,
  now,
  placementId,
  input,
}: Command & { placementId: string; input: { youSaid: string; weDid: string } }) {
  await db.transaction(async (tx) => {
    const found = await findPlacementInReach(tx, actor, placementId, 'placements.manage');
    await tx.insert(voiceChanges).values({
      groupId: actor.groupId,
      placementId,
      ...input,
      recordedByName: actor.displayName,
      recordedAt: now,
    });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'voice.change_recorded',
        recordType: 'placement',
        recordId: placementId,
        schoolId: found.placement.schoolId,
        summary: `You said, we did: ${input.weDid}`,
      },
    );
  });
}

/** Average answers per provider and half-term, for the trend; only providers in the actor's placements. */
export async function voiceTrends({ db, actor, providerId }: Reading & { providerId: string }) {
  const rows = await db
    .select({
      respondent: voiceRequests.respondent,
      halfTerm: voiceRequests.halfTerm,
      answers: voiceRequests.answers,
    })
    .from(voiceRequests)
    .where(
      and(
        eq(voiceRequests.groupId, actor.groupId),
        eq(voiceRequests.providerId, providerId),
        inArray(voiceRequests.respondent, ['pupil', 'parent']),
      ),
    );
  const answered = rows.filter((r) => r.answers);
  const halfTerms = [...new Set(answered.map((r) => r.halfTerm))].sort();
  const averagesOf = (halfTerm: string, respondent: 'pupil' | 'parent') =>
    averageScores(
      respondent,
      answered.filter((r) => r.halfTerm === halfTerm && r.respondent === respondent).map((r) => r.answers!),
    );
  return halfTerms.map((halfTerm) => ({
    halfTerm,
    pupil: averagesOf(halfTerm, 'pupil'),
    parent: averagesOf(halfTerm, 'parent'),
  }));
}
