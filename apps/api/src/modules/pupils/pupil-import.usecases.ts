/**
 * Importing pupils (CSV or Common Transfer File): a preview that saves nothing and says, row by row,
 * what is wrong; then the import, which saves every row or, if any row is wrong, none.
 */
import {
  guessMapping,
  type ImportMapping,
  importFieldLabels,
  missingRequiredColumns,
  readImportRow,
} from '@waymark/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { AppError } from '../../lib/errors.ts';
import type { Reading } from '../../lib/use-case.ts';
import { schoolInReachOf } from '../organisation/organisation.repository.ts';
import { ctfMapping, readCsv, readCtf } from './import-sources.ts';
import { pupilsErrors } from './pupils.errors.ts';
import { pupils } from './pupils.table.ts';

export interface ImportRequest {
  schoolId: string;
  format: 'csv' | 'ctf';
  content: string;
  mapping?: ImportMapping | undefined;
}

async function analyse(db: Database, actor: Actor, request: ImportRequest) {
  const school = await schoolInReachOf(db, actor, reachOf(actor, 'pupils.manage'), request.schoolId);
  if (!school) throw pupilsErrors.schoolOutOfReach();
  const table = request.format === 'csv' ? readCsv(request.content) : readCtf(request.content);
  const mapping = request.format === 'ctf' ? ctfMapping : (request.mapping ?? guessMapping(table.headers));
  const missingColumns = missingRequiredColumns(mapping);
  const upns = new Map<string, number>();
  const rows = table.rows.map((raw, index) => {
    // Line numbers as a spreadsheet shows them: the heading is line 1.
    const line = index + 2;
    const result = missingColumns.length ? null : readImportRow(raw, mapping, school.id);
    const problems = result && !result.ok ? result.problems : [];
    const pupil = result?.ok ? result.pupil : null;
    if (pupil) {
      const earlier = upns.get(pupil.upn);
      if (earlier) problems.push({ field: 'upn', message: `The same UPN is on line ${earlier}` });
      else upns.set(pupil.upn, line);
    }
    return { line, pupil, problems };
  });
  const existing = upns.size
    ? await db
        .select({ upn: pupils.upn })
        .from(pupils)
        .where(and(eq(pupils.schoolId, school.id), inArray(pupils.upn, [...upns.keys()])))
    : [];
  const onRoll = new Set(existing.map((e) => e.upn));
  for (const row of rows)
    if (row.pupil && onRoll.has(row.pupil.upn))
      row.problems.push({ field: 'upn', message: 'This pupil is already in Waymark for this school' });
  return { school, headers: table.headers, mapping, missingColumns, rows };
}

export async function previewImport({ db, actor, request }: Reading & { request: ImportRequest }) {
  const { headers, mapping, missingColumns, rows } = await analyse(db, actor, request);
  return {
    headers,
    mapping,
    missingColumns: missingColumns.map((field) => ({ field, label: importFieldLabels[field] })),
    rows: rows.map((r) => ({
      line: r.line,
      name: r.pupil ? `${r.pupil.legalFirstName} ${r.pupil.legalLastName}` : null,
      upn: r.pupil?.upn ?? null,
      problems: r.problems,
    })),
    ready: rows.filter((r) => r.problems.length === 0).length,
    withProblems: rows.filter((r) => r.problems.length > 0).length,
  };
}

export async function importPupils({
  db,
  actor,
  ipAddress,
  request,
}: Reading & { ipAddress: string | null; request: ImportRequest }) {
  return db.transaction(async (tx) => {
    const { school, missingColumns, rows } = await analyse(tx, actor, request);
    if (missingColumns.length)
      throw new AppError(
        'pupils.import_columns_missing',
        400,
        `Choose a column for: ${missingColumns.map((f) => importFieldLabels[f]).join(', ')}. Nothing was imported.`,
        missingColumns.map((field) => ({
          path: `mapping.${field}`,
          message: `Choose the column for ${importFieldLabels[field]}`,
        })),
      );
    const wrong = rows.filter((r) => r.problems.length > 0);
    if (wrong.length)
      throw new AppError(
        'pupils.import_has_errors',
        400,
        `${wrong.length} of ${rows.length} rows have problems, so nothing was imported. Correct them and try again.`,
        wrong.flatMap((r) =>
          r.problems.map((p) => ({
            path: `rows.${r.line}.${p.field}`,
            message: `Line ${r.line}: ${p.message}`,
          })),
        ),
      );
    if (rows.length === 0)
      throw new AppError('pupils.import_empty', 400, 'The file has no pupils in it. Nothing was imported.');
    const inserted = await tx
      .insert(pupils)
      .values(
        rows.map(({ pupil }) => ({
          groupId: actor.groupId,
          ...pupil!,
          uln: pupil!.uln ?? null,
          preferredName: pupil!.preferredName ?? null,
          ehcpLocalAuthority: pupil!.ehcpLocalAuthority ?? null,
          ehcpAnnualReviewOn: pupil!.ehcpAnnualReviewOn ?? null,
          virtualSchoolContact: pupil!.virtualSchoolContact ?? null,
        })),
      )
      .returning({ id: pupils.id, upn: pupils.upn });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'pupils.imported',
        recordType: 'school',
        recordId: school.id,
        schoolId: school.id,
        summary: `Imported ${inserted.length} pupils into ${school.name} from a ${request.format === 'csv' ? 'CSV file' : 'Common Transfer File'}: ${inserted.map((p) => p.upn).join(', ')}`,
      },
    );
    return { imported: inserted.length };
  });
}
