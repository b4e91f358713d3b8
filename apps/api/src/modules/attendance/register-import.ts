/**
 * A provider's own register as CSV (Date, Session, UPN, Mark, Reason, Correction reason): a preview
 * that records nothing and says what is wrong row by row, then an upload that records every row, in one
 * transaction, or none.
 */
import {
  type AbsenceReason,
  absenceReasons,
  isValidIsoDate,
  type ProviderMark,
  providerMarks,
} from '@waymark/domain';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import type { Command, Reading } from '../../lib/use-case.ts';
import { readCsv } from '../pupils/import-sources.ts';
import { placementsExpectedOn } from './expected.ts';
import { type MarkInput, recordMarks } from './register.usecases.ts';

interface Row {
  line: number;
  date: string;
  session: 'am' | 'pm';
  mark: MarkInput;
  problems: string[];
}

const cell = (row: Record<string, string>, ...names: string[]) => {
  const key = Object.keys(row).find((k) => names.includes(k.trim().toLowerCase()));
  return key ? (row[key] ?? '').trim() : '';
};

async function readRows(db: Database, actor: Actor, content: string, today: string): Promise<Row[]> {
  const { rows } = readCsv(content, 'attendance.register_unreadable');
  const providerIds = reachOf(actor, 'portal.use').providerIds;
  const expectedByDate = new Map<string, Awaited<ReturnType<typeof placementsExpectedOn>>>();
  const result: Row[] = [];
  for (const [index, raw] of rows.entries()) {
    const problems: string[] = [];
    const date = cell(raw, 'date');
    const sessionText = cell(raw, 'session').toLowerCase();
    const upn = cell(raw, 'upn').toUpperCase();
    const markText = cell(raw, 'mark').toLowerCase();
    const reasonText = cell(raw, 'reason').toLowerCase().replaceAll(' ', '_');
    const session = sessionText === 'am' || sessionText === 'pm' ? sessionText : null;
    if (!isValidIsoDate(date)) problems.push(`“${date}” is not a date in the form YYYY-MM-DD`);
    else if (date > today) problems.push('The date is in the future');
    if (!session) problems.push('The session must be AM or PM');
    if (!(providerMarks as readonly string[]).includes(markText))
      problems.push('The mark must be present, late or absent');
    if (reasonText && !(absenceReasons as readonly string[]).includes(reasonText))
      problems.push(`“${cell(raw, 'reason')}” is not a reason Waymark knows (${absenceReasons.join(', ')})`);
    let placementId = '';
    if (isValidIsoDate(date) && date <= today && session) {
      let expected = expectedByDate.get(date);
      if (!expected) {
        expected = await placementsExpectedOn(db, date, { groupId: actor.groupId, providerIds });
        expectedByDate.set(date, expected);
      }
      const found = expected.find((e) => e.pupil.upn === upn);
      if (!found) problems.push(`No pupil with UPN ${upn || '(blank)'} is expected with you on ${date}`);
      else if (!found.sessions.includes(session))
        problems.push(`The pupil is not timetabled for ${session.toUpperCase()} on ${date}`);
      else placementId = found.placement.id;
    }
    result.push({
      line: index + 2,
      date,
      session: session ?? 'am',
      mark: {
        placementId,
        mark: markText as ProviderMark,
        reason: (reasonText || undefined) as AbsenceReason | undefined,
        correctionReason: cell(raw, 'correction reason', 'correction_reason') || undefined,
      },
      problems,
    });
  }
  return result;
}

export async function previewRegisterCsv({
  db,
  actor,
  content,
  today,
}: Reading & { content: string; today: string }) {
  const rows = await readRows(db, actor, content, today);
  return {
    rows: rows.map((r) => ({ line: r.line, problems: r.problems })),
    ready: rows.filter((r) => r.problems.length === 0).length,
    withProblems: rows.filter((r) => r.problems.length > 0).length,
  };
}

export async function uploadRegisterCsv({
  db,
  actor,
  ipAddress,
  content,
  today,
  now,
}: Command & { content: string; today: string }) {
  return db.transaction(async (tx) => {
    const rows = await readRows(tx, actor, content, today);
    const wrong = rows.filter((r) => r.problems.length);
    if (wrong.length || rows.length === 0)
      throw new AppError(
        'attendance.csv_has_errors',
        400,
        rows.length === 0
          ? 'The file has no marks in it. Nothing was recorded.'
          : `${wrong.length} of ${rows.length} rows have problems, so nothing was recorded.`,
        wrong.flatMap((r) =>
          r.problems.map((message) => ({ path: `rows.${r.line}`, message: `Line ${r.line}: ${message}` })),
        ),
      );
    const sessions = new Map<string, Row[]>();
    for (const row of rows)
      sessions.set(`${row.date} ${row.session}`, [
        ...(sessions.get(`${row.date} ${row.session}`) ?? []),
        row,
      ]);
    let recorded = 0;
    for (const group of sessions.values()) {
      try {
        const result = await recordMarks(tx, {
          actor,
          ipAddress,
          date: group[0]!.date,
          session: group[0]!.session,
          marks: group.map((r) => r.mark),
          now,
          today,
          source: 'csv',
        });
        recorded += result.recorded;
      } catch (error) {
        // Say which line, not which position in the session's batch.
        if (error instanceof AppError && error.fields)
          throw new AppError(
            error.code,
            error.statusCode,
            `${error.message} Nothing was recorded.`,
            error.fields.map((f) => {
              const index = Number(f.path.split('.')[1]);
              const line = group[index]?.line;
              return {
                path: line ? `rows.${line}` : f.path,
                message: line ? `Line ${line}: ${f.message}` : f.message,
              };
            }),
          );
        throw error;
      }
    }
    return { recorded };
  });
}
