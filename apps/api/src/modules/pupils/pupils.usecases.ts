/** Pupil records: scoped to the caller's schools; reading one is on the audit log. */
import {
  dateInWords,
  type LeavingInput,
  leavingReasonLabels,
  type PupilInput,
  pupilDisplayName,
  yearGroupOn,
} from '@waymark/domain';
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { diff, recordAudit } from '../../lib/audit-log.ts';
import { containsPattern } from '../../lib/search.ts';
import type { Reading } from '../../lib/use-case.ts';
import { schoolInReachOf, schoolNameOf } from '../organisation/organisation.repository.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { endPlacementsOnLeaving } from '../placements/placement-lifecycle.ts';
import { pupilsErrors } from './pupils.errors.ts';
import { findPupilInReach } from './pupils.repository.ts';
import { pupils } from './pupils.table.ts';

type Command = { db: Database; actor: Actor; ipAddress: string | null };
type PupilRow = typeof pupils.$inferSelect;

export function presentPupil(row: PupilRow & { schoolName: string }, today: string) {
  return {
    id: row.id,
    schoolId: row.schoolId,
    schoolName: row.schoolName,
    upn: row.upn,
    uln: row.uln,
    legalFirstName: row.legalFirstName,
    legalLastName: row.legalLastName,
    preferredName: row.preferredName,
    displayName: pupilDisplayName(row),
    dateOfBirth: row.dateOfBirth,
    yearGroup: yearGroupOn(row.dateOfBirth, today),
    sex: row.sex,
    senStatus: row.senStatus,
    ehcpLocalAuthority: row.ehcpLocalAuthority,
    ehcpAnnualReviewOn: row.ehcpAnnualReviewOn,
    lookedAfter: row.lookedAfter,
    virtualSchoolContact: row.virtualSchoolContact,
    parents: row.parents,
    leaving: row.leftOn
      ? { leftOn: row.leftOn, reason: row.leavingReason!, note: row.leavingNote ?? '' }
      : null,
    version: row.version,
  };
}

const columns = (input: PupilInput) => ({
  schoolId: input.schoolId,
  upn: input.upn,
  uln: input.uln ?? null,
  legalFirstName: input.legalFirstName,
  legalLastName: input.legalLastName,
  preferredName: input.preferredName ?? null,
  dateOfBirth: input.dateOfBirth,
  sex: input.sex,
  senStatus: input.senStatus,
  ehcpLocalAuthority: input.senStatus === 'ehcp' ? (input.ehcpLocalAuthority ?? null) : null,
  ehcpAnnualReviewOn: input.senStatus === 'ehcp' ? (input.ehcpAnnualReviewOn ?? null) : null,
  lookedAfter: input.lookedAfter,
  virtualSchoolContact: input.lookedAfter ? (input.virtualSchoolContact ?? null) : null,
  parents: input.parents,
});

export async function listPupils({
  db,
  actor,
  search,
  schoolId,
  today,
}: Reading & { search?: string | undefined; schoolId?: string | undefined; today: string }) {
  const pattern = search ? containsPattern(search) : null;
  const rows = await db
    .select({ pupil: pupils, schoolName: schoolNameOf(pupils.schoolId) })
    .from(pupils)
    .where(
      and(
        eq(pupils.groupId, actor.groupId),
        schoolColumnInReach(db, actor, reachOf(actor, 'pupils.read'), pupils.schoolId),
        schoolId ? eq(pupils.schoolId, schoolId) : undefined,
        pattern
          ? or(
              ilike(pupils.legalFirstName, pattern),
              ilike(pupils.legalLastName, pattern),
              ilike(pupils.preferredName, pattern),
              ilike(pupils.upn, pattern),
            )
          : undefined,
      ),
    )
    .orderBy(asc(pupils.legalLastName), asc(pupils.legalFirstName))
    .limit(500);
  return rows.map((r) => presentPupil({ ...r.pupil, schoolName: r.schoolName }, today));
}

export async function getPupil({
  db,
  actor,
  ipAddress,
  pupilId,
  today,
}: Command & { pupilId: string; today: string }) {
  return db.transaction(async (tx) => {
    const pupil = await findPupilInReach(tx, actor, pupilId, 'pupils.read');
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'pupils.viewed',
        recordType: 'pupil',
        recordId: pupil.id,
        schoolId: pupil.schoolId,
        summary: `Viewed the record of ${pupil.legalFirstName} ${pupil.legalLastName}`,
      },
    );
    return presentPupil(pupil, today);
  });
}

async function checkSchool(db: Database, actor: Actor, schoolId: string) {
  const school = await schoolInReachOf(db, actor, reachOf(actor, 'pupils.manage'), schoolId);
  if (!school) throw pupilsErrors.schoolOutOfReach();
}

export async function createPupil({
  db,
  actor,
  ipAddress,
  input,
  today,
}: Command & { input: PupilInput; today: string }) {
  const id = await db.transaction(async (tx) => {
    await checkSchool(tx, actor, input.schoolId);
    const [row] = await tx
      .insert(pupils)
      .values({ groupId: actor.groupId, ...columns(input) })
      .returning()
      .catch((error) => {
        throw isUniqueViolation(error, 'pupils_school_upn_unique') ? pupilsErrors.duplicateUpn() : error;
      });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'pupils.created',
        recordType: 'pupil',
        recordId: row!.id,
        schoolId: row!.schoolId,
        summary: `Added ${row!.legalFirstName} ${row!.legalLastName} (UPN ${row!.upn})`,
      },
    );
    return row!.id;
  });
  return getPupil({ db, actor, ipAddress, pupilId: id, today });
}

export async function updatePupil({
  db,
  actor,
  ipAddress,
  pupilId,
  version,
  input,
  today,
}: Command & { pupilId: string; version: number; input: PupilInput; today: string }) {
  await db.transaction(async (tx) => {
    const before = await findPupilInReach(tx, actor, pupilId, 'pupils.manage');
    if (input.schoolId !== before.schoolId) await checkSchool(tx, actor, input.schoolId);
    const changes = columns(input);
    // The version in the WHERE makes the check and the write one step: two saves cannot both pass.
    const updated = await tx
      .update(pupils)
      .set({ ...changes, version: sql`${pupils.version} + 1`, updatedAt: new Date() })
      .where(and(eq(pupils.id, pupilId), eq(pupils.version, version)))
      .returning({ id: pupils.id })
      .catch((error) => {
        throw isUniqueViolation(error, 'pupils_school_upn_unique') ? pupilsErrors.duplicateUpn() : error;
      });
    if (updated.length === 0) throw pupilsErrors.changedSinceOpened();
    const changed = diff(before as unknown as Record<string, unknown>, changes);
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'pupils.updated',
        recordType: 'pupil',
        recordId: pupilId,
        schoolId: input.schoolId,
        summary: `Updated the record of ${input.legalFirstName} ${input.legalLastName}: ${Object.keys(changed).join(', ') || 'no change'}`,
        changes: changed,
      },
    );
  });
  return getPupil({ db, actor, ipAddress, pupilId, today });
}

/**
 * Take the pupil off the school roll from a date, with the reason: in the same transaction their
 * running placements end that day and their referrals are cancelled, each on its own timeline. A
 * placement already ended after that day stays as recorded and is flagged (census rule 2372).
 */
export async function recordLeaving({
  db,
  actor,
  ipAddress,
  pupilId,
  input,
  today,
}: Command & { pupilId: string; input: LeavingInput; today: string }) {
  await db.transaction(async (tx) => {
    const before = await findPupilInReach(tx, actor, pupilId, 'pupils.manage');
    if (before.leftOn) throw pupilsErrors.alreadyLeft(before.leftOn);
    if (input.leftOn > today) throw pupilsErrors.leavingInFuture();
    if (input.leftOn < before.dateOfBirth) throw pupilsErrors.leavingBeforeBirth();
    const updated = await tx
      .update(pupils)
      .set({
        leftOn: input.leftOn,
        leavingReason: input.reason,
        leavingNote: input.note || null,
        version: sql`${pupils.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(pupils.id, pupilId), eq(pupils.version, input.version)))
      .returning({ id: pupils.id });
    if (updated.length === 0) throw pupilsErrors.changedSinceOpened();
    const closed = await endPlacementsOnLeaving(tx, { actor, ipAddress }, before, input);
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'pupils.left_roll',
        recordType: 'pupil',
        recordId: pupilId,
        schoolId: before.schoolId,
        summary: `Took ${before.legalFirstName} ${before.legalLastName} off the roll from ${dateInWords(input.leftOn)}: ${leavingReasonLabels[input.reason]}; ${closed.ended} placements ended, ${closed.cancelled} referrals cancelled`,
      },
    );
  });
  return getPupil({ db, actor, ipAddress, pupilId, today });
}
