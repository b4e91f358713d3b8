/** Asking a provider for its safeguarding assurance letter, and the provider signing it online. */
import { createHash } from 'node:crypto';
import {
  letterChecks,
  letterOpening,
  letterUndertakings,
  type SignLetterInput,
  todayInLondon,
} from '@waymark/domain';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { defineError, fieldError } from '../../lib/errors.ts';
import type { Command, Reading } from '../../lib/use-case.ts';
import { notify } from '../notifications/notify.ts';
import { createOrganisationRepository, schoolNameOf } from '../organisation/organisation.repository.ts';
import { createProvidersRepository, providerNameOf } from '../providers/providers.repository.ts';
import { activePeopleWithRole } from '../users/users.repository.ts';
import { type SignedLetterContent, safeguardingLetters } from './letters.table.ts';

const lettersErrors = {
  notFound: defineError('letters.not_found', 404, 'There is no such letter for your organisation.'),
  alreadySigned: defineError(
    'letters.already_signed',
    409,
    'This letter has already been signed by someone else. Ask the school for a new one if it needs changing.',
  ),
};

type LetterRow = typeof safeguardingLetters.$inferSelect;

function present(row: LetterRow, schoolName: string, providerName: string) {
  return {
    id: row.id,
    providerId: row.providerId,
    providerName,
    schoolName,
    headteacherName: row.headteacherName,
    requestedAt: row.requestedAt.toISOString(),
    status: row.signedAt ? ('signed' as const) : ('requested' as const),
    signedAt: row.signedAt?.toISOString() ?? null,
    content: row.content,
    contentSha256: row.contentSha256,
  };
}

/** Letters with the names of the school they are addressed to and the provider asked. */
function selectLetters(db: Database, condition: ReturnType<typeof and>) {
  return db
    .select({
      letter: safeguardingLetters,
      schoolName: schoolNameOf(safeguardingLetters.schoolId),
      providerName: providerNameOf(safeguardingLetters.providerId),
    })
    .from(safeguardingLetters)
    .where(condition);
}

async function listWhere(db: Database, condition: ReturnType<typeof and>) {
  const rows = await selectLetters(db, condition).orderBy(desc(safeguardingLetters.requestedAt));
  return rows.map((r) => present(r.letter, r.schoolName, r.providerName));
}

export async function listProviderLetters({ db, actor, providerId }: Reading & { providerId: string }) {
  await createProvidersRepository({ db }).get(actor.groupId, providerId);
  return {
    letters: await listWhere(
      db,
      and(eq(safeguardingLetters.groupId, actor.groupId), eq(safeguardingLetters.providerId, providerId)),
    ),
  };
}

/** A school asks for a letter; asking again while one is outstanding returns that one. */
export async function requestLetter({
  db,
  actor,
  ipAddress,
  providerId,
  schoolId,
  now,
  publicUrl,
}: Command & { providerId: string; schoolId: string; publicUrl: string }) {
  await db.transaction(async (tx) => {
    const provider = await createProvidersRepository({ db: tx }).get(actor.groupId, providerId);
    const school = (
      await createOrganisationRepository({ db: tx }).listSchoolsInReach(
        actor,
        reachOf(actor, 'audits.manage'),
      )
    ).find((s) => s.id === schoolId);
    if (!school) throw fieldError('letters.unknown_school', 'schoolId', 'Choose one of your schools');
    const [outstanding] = await tx
      .select({ id: safeguardingLetters.id })
      .from(safeguardingLetters)
      .where(
        and(
          eq(safeguardingLetters.providerId, providerId),
          eq(safeguardingLetters.schoolId, schoolId),
          isNull(safeguardingLetters.signedAt),
        ),
      );
    if (outstanding) return;
    const [head] = await activePeopleWithRole(tx, {
      roles: ['headteacher'],
      scopes: [{ type: 'school', id: schoolId }],
    });
    await tx.insert(safeguardingLetters).values({
      groupId: actor.groupId,
      providerId,
      schoolId,
      headteacherName: head?.displayName ?? 'Headteacher',
      requestedBy: actor.userId,
    });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'letters.requested',
        recordType: 'provider',
        recordId: providerId,
        schoolId,
        summary: `Asked ${provider.name} for a safeguarding assurance letter to ${school.name}`,
      },
    );
    await tellProviderStaff(tx, {
      groupId: actor.groupId,
      provider,
      schoolName: school.name,
      now,
      publicUrl,
    });
  });
  return listProviderLetters({ db, actor, providerId });
}

/** The provider's own staff hear that a letter waits for them in the portal (in the same transaction). */
async function tellProviderStaff(
  db: Database,
  {
    groupId,
    provider,
    schoolName,
    now,
    publicUrl,
  }: {
    groupId: string;
    provider: { id: string; name: string };
    schoolName: string;
    now: Date;
    publicUrl: string;
  },
) {
  const staff = await activePeopleWithRole(db, {
    roles: ['provider_staff'],
    groupId,
    scopes: [{ type: 'provider', id: provider.id }],
  });
  for (const to of staff)
    await notify(
      db,
      {
        groupId,
        kind: 'letter_request',
        to,
        subject: `${schoolName} asks ${provider.name} for a safeguarding assurance letter`,
        text: [
          `${schoolName} has asked ${provider.name} for its annual safeguarding assurance letter.`,
          '',
          'Your DSL or manager reads the undertakings and signs it in the provider portal; until it is signed the school cannot place pupils with you.',
          '',
          `Sign it here: ${publicUrl}/portal/letters`,
        ].join('\n'),
      },
      now,
    );
}

/** The provider portal: letters asked of the providers the user works for. */
export async function listPortalLetters({ db, actor }: { db: Database; actor: Actor }) {
  const providerIds = reachOf(actor, 'portal.use').providerIds;
  if (!providerIds.length) return { letters: [] };
  return {
    letters: await listWhere(
      db,
      and(
        eq(safeguardingLetters.groupId, actor.groupId),
        inArray(safeguardingLetters.providerId, providerIds),
      ),
    ),
  };
}

export async function signLetter({
  db,
  actor,
  ipAddress,
  letterId,
  input,
  now,
}: Command & { letterId: string; input: SignLetterInput }) {
  const today = todayInLondon(now);
  const providerIds = reachOf(actor, 'portal.use').providerIds;
  await db.transaction(async (tx) => {
    const [found] = await selectLetters(
      tx,
      and(eq(safeguardingLetters.groupId, actor.groupId), eq(safeguardingLetters.id, letterId)),
    );
    if (!found || !providerIds.includes(found.letter.providerId)) throw lettersErrors.notFound();
    // A retry of the same submission (a double click, a dropped connection) finds it signed: nothing to do.
    if (found.letter.signedAt) {
      if (found.letter.signedBy === actor.userId) return;
      throw lettersErrors.alreadySigned();
    }
    const content: SignedLetterContent = {
      to: found.schoolName,
      from: found.providerName,
      dear: found.letter.headteacherName,
      opening: letterOpening(found.schoolName),
      checks: [...letterChecks],
      undertakings: [...letterUndertakings],
      name: input.name,
      role: input.role,
      organisation: input.organisation,
      signature: input.signature,
      signedOn: today,
    };
    const contentSha256 = createHash('sha256').update(JSON.stringify(content)).digest('hex');
    const signed = await tx
      .update(safeguardingLetters)
      .set({ content, contentSha256, signedBy: actor.userId, signedAt: now })
      .where(and(eq(safeguardingLetters.id, letterId), isNull(safeguardingLetters.signedAt)))
      .returning({ id: safeguardingLetters.id });
    if (!signed.length) throw lettersErrors.alreadySigned();
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'letters.signed',
        recordType: 'provider',
        recordId: found.letter.providerId,
        schoolId: found.letter.schoolId,
        summary: `${input.name} (${input.role}) signed ${found.providerName}'s safeguarding assurance letter to ${found.schoolName}; sha256 ${contentSha256.slice(0, 12)}…`,
      },
    );
  });
  const { letters } = await listPortalLetters({ db, actor });
  return letters.find((l) => l.id === letterId)!;
}

/** One letter, for a school user of the group or for staff of the provider it was asked of. */
export async function getLetter({
  db,
  actor,
  letterId,
  via,
}: Reading & { letterId: string; via: 'school' | 'portal' }) {
  const [found] = await selectLetters(
    db,
    and(eq(safeguardingLetters.groupId, actor.groupId), eq(safeguardingLetters.id, letterId)),
  );
  if (!found) throw lettersErrors.notFound();
  if (via === 'portal' && !reachOf(actor, 'portal.use').providerIds.includes(found.letter.providerId))
    throw lettersErrors.notFound();
  return present(found.letter, found.schoolName, found.providerName);
}
