/**
 * The pupils feature's front door: the named reads other features use instead of its tables.
 * Plain functions that take the database or the transaction they run in.
 */
import { pupilDisplayName } from '@waymark/domain';
import type { PupilDocumentKind } from '@waymark/domain/contracts/pupils';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.ts';
import { type Actor, type Reach, reachOf } from '../../lib/actor.ts';
import { schoolNameOf } from '../organisation/organisation.repository.ts';
import { schoolColumnInReach } from '../organisation/scope.ts';
import { pupilDocuments } from './pupil-documents.table.ts';
import { pupilsErrors } from './pupils.errors.ts';
import { pupils } from './pupils.table.ts';

/** A pupil in the caller's reach for the permission, or a 404 (never a hint that it exists elsewhere). */
export async function findPupilInReach(
  db: Database,
  actor: Actor,
  pupilId: string,
  permission: 'pupils.read' | 'pupils.manage' | 'placements.read' | 'placements.manage',
) {
  const [found] = await db
    .select({ pupil: pupils, schoolName: schoolNameOf(pupils.schoolId) })
    .from(pupils)
    .where(
      and(
        eq(pupils.id, pupilId),
        eq(pupils.groupId, actor.groupId),
        schoolColumnInReach(db, actor, reachOf(actor, permission), pupils.schoolId),
      ),
    );
  if (!found) throw pupilsErrors.notFound();
  return { ...found.pupil, schoolName: found.schoolName };
}

export type PupilRecord = typeof pupils.$inferSelect;

/** The pupils with these ids, by id. */
export async function pupilsByIds(db: Database, ids: readonly string[]): Promise<Map<string, PupilRecord>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select()
    .from(pupils)
    .where(inArray(pupils.id, [...new Set(ids)]));
  return new Map(rows.map((p) => [p.id, p]));
}

/** Each pupil's display name, by id: for lists that show only whom a record is about. */
export async function pupilNamesByIds(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      id: pupils.id,
      preferredName: pupils.preferredName,
      legalFirstName: pupils.legalFirstName,
      legalLastName: pupils.legalLastName,
    })
    .from(pupils)
    .where(inArray(pupils.id, [...new Set(ids)]));
  return new Map(rows.map((p) => [p.id, pupilDisplayName(p)]));
}

/**
 * Each row with its pupil beside it, in the rows' order: the read another feature makes of its own
 * records about pupils (calls, incidents, marks). A row whose pupil is gone is dropped.
 */
export async function withPupils<T>(
  db: Database,
  rows: readonly T[],
  pupilIdOf: (row: T) => string,
): Promise<(T & { pupil: PupilRecord })[]> {
  const found = await pupilsByIds(db, rows.map(pupilIdOf));
  return rows.flatMap((row) => {
    const pupil = found.get(pupilIdOf(row));
    return pupil ? [{ ...row, pupil }] : [];
  });
}

/** The UPN of the pupil whose id is in `pupilId`, as a column of another feature's query. */
export const pupilUpnOf = (pupilId: AnyPgColumn) =>
  sql<string>`(select ${pupils.upn} from ${pupils} where ${pupils.id} = ${pupilId})`;

/** Titles and versions of pupil documents, by id (what a share of one names). */
export async function documentTitles(db: Database, ids: readonly string[]) {
  if (!ids.length) return new Map<string, { title: string; version: number }>();
  const rows = await db
    .select({ id: pupilDocuments.id, title: pupilDocuments.title, version: pupilDocuments.version })
    .from(pupilDocuments)
    .where(inArray(pupilDocuments.id, [...new Set(ids)]));
  return new Map(rows.map(({ id, ...rest }) => [id, rest]));
}

/** Whether the document is one of this pupil's. */
export async function isDocumentOf(db: Database, pupilId: string, documentId: string) {
  const [row] = await db
    .select({ id: pupilDocuments.id })
    .from(pupilDocuments)
    .where(and(eq(pupilDocuments.id, documentId), eq(pupilDocuments.pupilId, pupilId)));
  return Boolean(row);
}

/** A pupil of the trust with their school's name, if a school in the reach holds them. */
export async function pupilInReachOf(db: Database, actor: Actor, reach: Reach, pupilId: string) {
  const [found] = await db
    .select({ pupil: pupils, schoolName: schoolNameOf(pupils.schoolId) })
    .from(pupils)
    .where(
      and(
        eq(pupils.id, pupilId),
        eq(pupils.groupId, actor.groupId),
        schoolColumnInReach(db, actor, reach, pupils.schoolId),
      ),
    );
  return found ?? null;
}

/** Every pupil at the schools in reach, with their school's name. */
export function pupilsInReachOf(db: Database, actor: Actor, reach: Reach) {
  return db
    .select({ pupil: pupils, schoolName: schoolNameOf(pupils.schoolId) })
    .from(pupils)
    .where(and(eq(pupils.groupId, actor.groupId), schoolColumnInReach(db, actor, reach, pupils.schoolId)));
}

/** The pupil's documents as a subject access export lists them (not their bytes). */
export function documentListOf(db: Database, pupilId: string) {
  return db
    .select({
      kind: pupilDocuments.kind,
      title: pupilDocuments.title,
      version: pupilDocuments.version,
      documentDate: pupilDocuments.documentDate,
      uploadedAt: pupilDocuments.uploadedAt,
    })
    .from(pupilDocuments)
    .where(eq(pupilDocuments.pupilId, pupilId));
}

/** The pupil's documents of one kind, whole (retention sets EHCP documents aside). */
export function documentsOfKind(db: Database, pupilId: string, kind: PupilDocumentKind) {
  return db
    .select()
    .from(pupilDocuments)
    .where(and(eq(pupilDocuments.pupilId, pupilId), eq(pupilDocuments.kind, kind)));
}

/**
 * Deletes the pupil's document records and the pupil, and returns the documents' file ids for the
 * caller to delete (less any it set aside). Every other feature's records of the pupil go first.
 */
export async function erasePupil(tx: Database, pupilId: string) {
  const fileIds = (
    await tx
      .select({ id: pupilDocuments.fileId })
      .from(pupilDocuments)
      .where(eq(pupilDocuments.pupilId, pupilId))
  ).map((f) => f.id);
  await tx.delete(pupilDocuments).where(eq(pupilDocuments.pupilId, pupilId));
  await tx.delete(pupils).where(eq(pupils.id, pupilId));
  return { fileIds };
}
