/**
 * Staff training for AP: who works in or supports it, what training they have (and when it runs out),
 * their yearly training-needs review, and — for the policy's "training effectiveness monitored against
 * pupil outcomes" — each person's training beside the attendance and latest review of the pupils they
 * support.
 */
import {
  attendanceRateOfCounts,
  dateInWords,
  nextTrainingReviewOn,
  pupilDisplayName,
  type TrainingRecordInput,
  type TrainingTopic,
  todayInLondon,
  trainingTopicLabels,
} from '@waymark/domain';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { defineError, fieldError } from '../../lib/errors.ts';
import { checkUpload } from '../../lib/file-types.ts';
import type { Reading } from '../../lib/use-case.ts';
import { markCountsByPlacement } from '../attendance/attendance.repository.ts';
import { createFilesRepository } from '../files/files.repository.ts';
import { schoolInReachOf, schoolNameOf } from '../organisation/organisation.repository.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { reviewsOf } from '../placements/placement-reviews.repository.ts';
import { placementsWithPupils, placementTermRecords } from '../placements/placements.repository.ts';
import { apStaff, trainingRecords, trainingReviews } from './training.table.ts';

export const trainingErrors = {
  staffNotFound: defineError(
    'training.staff_not_found',
    404,
    'There is no such member of staff at your schools.',
  ),
  recordNotFound: defineError('training.record_not_found', 404, 'There is no such training record.'),
};

type Command = { db: Database; actor: Actor; ipAddress: string | null; now: Date };

async function staffInReach(
  db: Database,
  actor: Actor,
  staffId: string,
  permission: 'training.read' | 'training.manage',
) {
  const [staff] = await db
    .select()
    .from(apStaff)
    .where(
      and(
        eq(apStaff.id, staffId),
        eq(apStaff.groupId, actor.groupId),
        schoolColumnInReach(db, actor, reachOf(actor, permission), apStaff.schoolId),
      ),
    );
  if (!staff) throw trainingErrors.staffNotFound();
  return staff;
}

/** The placements named are this school's: a person supports pupils of their own school. */
async function checkPlacements(db: Database, schoolId: string, placementIds: string[]) {
  if (!placementIds.length) return;
  const found = await placementTermRecords(db, { ids: placementIds, schoolIds: [schoolId] });
  if (found.length !== new Set(placementIds).size)
    throw fieldError(
      'training.unknown_placement',
      'placementIds',
      'Choose placements of pupils at this school',
    );
}

export async function listStaff({ db, actor, today }: { db: Database; actor: Actor; today: string }) {
  const staff = await db
    .select({ staff: apStaff, schoolName: schoolNameOf(apStaff.schoolId) })
    .from(apStaff)
    .where(
      and(
        eq(apStaff.groupId, actor.groupId),
        schoolColumnInReach(db, actor, reachOf(actor, 'training.read'), apStaff.schoolId),
      ),
    )
    .orderBy(apStaff.name);
  const ids = staff.map((s) => s.staff.id);
  const [records, reviews] = ids.length
    ? await Promise.all([
        db
          .select()
          .from(trainingRecords)
          .where(inArray(trainingRecords.staffId, ids))
          .orderBy(desc(trainingRecords.completedOn)),
        db
          .select()
          .from(trainingReviews)
          .where(inArray(trainingReviews.staffId, ids))
          .orderBy(desc(trainingReviews.reviewedOn)),
      ])
    : [[], []];
  return staff.map(({ staff: s, schoolName }) => {
    const lastReview = reviews.find((r) => r.staffId === s.id) ?? null;
    const nextReviewOn = nextTrainingReviewOn(lastReview?.reviewedOn ?? null, today);
    return {
      id: s.id,
      schoolId: s.schoolId,
      schoolName,
      name: s.name,
      role: s.role,
      placementIds: s.placementIds,
      records: records
        .filter((r) => r.staffId === s.id)
        .map((r) => ({
          id: r.id,
          course: r.course,
          trainingProvider: r.trainingProvider,
          completedOn: r.completedOn,
          topics: r.topics,
          expiresOn: r.expiresOn,
          expired: r.expiresOn !== null && r.expiresOn < today,
          certificateFilename: r.certificateFilename,
        })),
      lastReview: lastReview && {
        reviewedOn: lastReview.reviewedOn,
        needs: lastReview.needs,
        plan: lastReview.plan,
        reviewedByName: lastReview.reviewedByName,
      },
      nextReviewOn,
      reviewDue: nextReviewOn <= today,
    };
  });
}

export async function addStaff(
  { db, actor, ipAddress, now }: Command,
  input: { schoolId: string; name: string; role: string; placementIds: string[] },
) {
  return db.transaction(async (tx) => {
    const school = await schoolInReachOf(tx, actor, reachOf(actor, 'training.manage'), input.schoolId);
    if (!school) throw fieldError('training.unknown_school', 'schoolId', 'Choose one of your schools');
    await checkPlacements(tx, input.schoolId, input.placementIds);
    const [row] = await tx
      .insert(apStaff)
      .values({ groupId: actor.groupId, ...input, createdAt: now })
      .returning({ id: apStaff.id });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'training.staff_added',
        recordType: 'ap_staff',
        recordId: row!.id,
        schoolId: input.schoolId,
        summary: `${input.name} (${input.role}) added`,
      },
    );
    return { id: row!.id };
  });
}

export async function setSupportedPlacements(
  { db, actor, ipAddress }: Command,
  staffId: string,
  placementIds: string[],
) {
  await db.transaction(async (tx) => {
    const staff = await staffInReach(tx, actor, staffId, 'training.manage');
    await checkPlacements(tx, staff.schoolId, placementIds);
    await tx.update(apStaff).set({ placementIds }).where(eq(apStaff.id, staffId));
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'training.supports_changed',
        recordType: 'ap_staff',
        recordId: staffId,
        schoolId: staff.schoolId,
        summary: `${staff.name} supports ${placementIds.length} placements`,
      },
    );
  });
}

export async function addTrainingRecord(
  { db, actor, ipAddress, now }: Command,
  staffId: string,
  input: TrainingRecordInput,
) {
  if (input.completedOn > todayInLondon(now))
    throw fieldError('training.future_completion', 'completedOn', 'This date is in the future');
  return db.transaction(async (tx) => {
    const staff = await staffInReach(tx, actor, staffId, 'training.manage');
    const [row] = await tx
      .insert(trainingRecords)
      .values({ staffId, ...input, recordedByName: actor.displayName, recordedAt: now })
      .returning({ id: trainingRecords.id });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'training.recorded',
        recordType: 'ap_staff',
        recordId: staffId,
        schoolId: staff.schoolId,
        summary: `${input.course} (${input.topics.map((t) => trainingTopicLabels[t]).join(', ')}) on ${dateInWords(input.completedOn)}`,
      },
    );
    return { id: row!.id };
  });
}

export async function attachCertificate(
  { db, actor, ipAddress }: Command,
  recordId: string,
  file: { filename: string; content: Buffer },
) {
  const checked = checkUpload(file.filename, file.content);
  if ('problem' in checked) throw fieldError('training.file_not_accepted', 'file', checked.problem);
  await db.transaction(async (tx) => {
    const [record] = await tx.select().from(trainingRecords).where(eq(trainingRecords.id, recordId));
    if (!record) throw trainingErrors.recordNotFound();
    const staff = await staffInReach(tx, actor, record.staffId, 'training.manage');
    const saved = await createFilesRepository({ db: tx }).saveUpload(actor, file, checked.type);
    await tx
      .update(trainingRecords)
      .set({ certificateFileId: saved.id, certificateFilename: file.filename })
      .where(eq(trainingRecords.id, recordId));
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'training.certificate_filed',
        recordType: 'ap_staff',
        recordId: staff.id,
        schoolId: staff.schoolId,
        summary: `Certificate for ${record.course}: ${file.filename}`,
      },
    );
  });
}

export async function certificateOf({ db, actor }: { db: Database; actor: Actor }, recordId: string) {
  const [record] = await db.select().from(trainingRecords).where(eq(trainingRecords.id, recordId));
  if (!record?.certificateFileId) throw trainingErrors.recordNotFound();
  await staffInReach(db, actor, record.staffId, 'training.read');
  const file = await createFilesRepository({ db }).find(actor.groupId, record.certificateFileId);
  if (!file) throw trainingErrors.recordNotFound();
  return file;
}

export async function recordTrainingReview(
  { db, actor, ipAddress, now }: Command,
  staffId: string,
  input: { reviewedOn: string; needs: string; plan: string },
  today: string,
) {
  if (input.reviewedOn > today)
    throw fieldError('training.future_review', 'reviewedOn', 'This date is in the future');
  await db.transaction(async (tx) => {
    const staff = await staffInReach(tx, actor, staffId, 'training.manage');
    await tx
      .insert(trainingReviews)
      .values({ staffId, ...input, reviewedByName: actor.displayName, recordedAt: now });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'training.reviewed',
        recordType: 'ap_staff',
        recordId: staffId,
        schoolId: staff.schoolId,
        summary: `Training needs reviewed on ${dateInWords(input.reviewedOn)}`,
      },
    );
  });
}

/** Each person's training topics beside the attendance and latest review decision of the pupils they support. */
export async function trainingEffectiveness({ db, actor, today }: Reading & { today: string }) {
  const staff = await listStaff({ db, actor, today });
  const placementIds = [...new Set(staff.flatMap((s) => s.placementIds))];
  if (!placementIds.length)
    return staff.map((s) => ({ staffId: s.id, name: s.name, topics: topicsOf(s), pupils: [] }));
  const [rows, counts, reviews] = await Promise.all([
    placementsWithPupils(db, { ids: placementIds }).then((list) =>
      list.map(({ placement, pupil }) => ({
        id: placement.id,
        status: placement.status,
        outcome: placement.outcome,
        pupil,
      })),
    ),
    markCountsByPlacement(db, placementIds),
    reviewsOf(db, placementIds),
  ]);
  const outcomeOf = (placementId: string) => {
    const row = rows.find((r) => r.id === placementId)!;
    const rate = attendanceRateOfCounts(counts.filter((c) => c.placementId === placementId));
    const review = reviews.find((r) => r.placementId === placementId && r.completedOn);
    return {
      placementId,
      pupilName: pupilDisplayName(row.pupil),
      status: row.status,
      attendancePercent: rate.attendancePercent,
      lastReviewDecision: review?.decision ?? null,
      outcome: row.outcome,
    };
  };
  return staff.map((s) => ({
    staffId: s.id,
    name: s.name,
    topics: topicsOf(s),
    pupils: s.placementIds.filter((id) => rows.some((r) => r.id === id)).map(outcomeOf),
  }));
}

const topicsOf = (s: { records: { topics: TrainingTopic[]; expired: boolean }[] }): TrainingTopic[] => [
  ...new Set(s.records.filter((r) => !r.expired).flatMap((r) => r.topics)),
];
