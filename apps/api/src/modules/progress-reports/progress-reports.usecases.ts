/** Providers' progress reports on the pupils placed with them, and the school reading them. */

import { addDays, dateInWords, halfTermLabel, progressReportDue } from '@waymark/domain';
import type {
  ProgressReportBody,
  ProgressReportDue,
  ProgressReportView,
} from '@waymark/domain/contracts/progress-reports';
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import type { Command, Reading } from '../../lib/use-case.ts';
import { createCalendarRepository } from '../calendar/calendar.repository.ts';
import { notify } from '../notifications/notify.ts';
import { peopleWithRoleAt } from '../notifications/recipients.ts';
import { findPlacementInReach } from '../placements/placement-view.ts';
import { placementsErrors } from '../placements/placements.errors.ts';
import { placementsWithPupils } from '../placements/placements.repository.ts';
import { reportDaysSince } from './progress-reports.repository.ts';
import { progressReports } from './progress-reports.table.ts';

type Row = typeof progressReports.$inferSelect;

const present = (r: Row): ProgressReportView => ({
  id: r.id,
  reportedOn: r.reportedOn,
  learning: r.learning,
  attendanceAndBehaviour: r.attendanceAndBehaviour,
  wellbeing: r.wellbeing,
  nextSteps: r.nextSteps,
  submittedByName: r.submittedByName,
  submittedAt: r.submittedAt.toISOString(),
});

const reportsOf = (db: Database, placementId: string) =>
  db
    .select()
    .from(progressReports)
    .where(eq(progressReports.placementId, placementId))
    .orderBy(desc(progressReports.reportedOn), desc(progressReports.submittedAt));

/** A placement of this provider's that it may report on: active, or started and since ended. */
async function portalPlacement(db: Database, actor: Actor, placementId: string) {
  const providerIds = reachOf(actor, 'portal.use').providerIds;
  if (!providerIds.length) return null;
  const [row] = await placementsWithPupils(db, {
    ids: [placementId],
    groupId: actor.groupId,
    providerIds,
    statuses: ['active', 'ended'],
  });
  return row ?? null;
}

export async function sendProgressReport({
  db,
  actor,
  ipAddress,
  now,
  today,
  publicUrl,
  placementId,
  input,
  idempotencyKey,
}: Command & {
  today: string;
  publicUrl: string;
  placementId: string;
  input: ProgressReportBody;
  idempotencyKey: string | undefined;
}) {
  return db.transaction(async (tx) => {
    if (idempotencyKey) {
      const [already] = await tx
        .select()
        .from(progressReports)
        .where(
          and(
            eq(progressReports.submittedBy, actor.userId),
            eq(progressReports.idempotencyKey, idempotencyKey),
          ),
        );
      if (already) return present(already);
    }
    const found = await portalPlacement(tx, actor, placementId);
    if (!found) throw placementsErrors.notFound();
    const { placement } = found;
    if (input.reportedOn > today)
      throw fieldError('progress_reports.future', 'reportedOn', 'This date is in the future');
    if (placement.startsOn && input.reportedOn < placement.startsOn)
      throw fieldError(
        'progress_reports.before_start',
        'reportedOn',
        `The placement started on ${dateInWords(placement.startsOn)}; a report cannot be dated before it`,
      );
    const [row] = await tx
      .insert(progressReports)
      .values({
        placementId,
        ...input,
        submittedBy: actor.userId,
        submittedByName: actor.displayName,
        submittedAt: now,
        idempotencyKey: idempotencyKey ?? null,
      })
      .returning();
    // The AP leads read it in Waymark; the email names neither the pupil nor what the report says.
    for (const person of await peopleWithRoleAt(tx, placement.schoolId, ['ap_lead'])) {
      await notify(
        tx,
        {
          groupId: actor.groupId,
          kind: 'progress_report',
          to: person,
          subject: `Progress report from ${found.providerName}`,
          text: [
            `${person.displayName},`,
            '',
            `${found.providerName} has sent a progress report on a pupil of ${found.schoolName}.`,
            '',
            `Read it in Waymark: ${publicUrl}/placements/${placementId}`,
          ].join('\n'),
        },
        now,
      );
    }
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'progress_reports.sent',
        recordType: 'placement',
        recordId: placementId,
        schoolId: placement.schoolId,
        summary: `${found.providerName} sent a progress report dated ${dateInWords(input.reportedOn)}`,
      },
    );
    return present(row!);
  });
}

export async function portalProgressReports(db: Database, actor: Actor, placementId: string) {
  if (!(await portalPlacement(db, actor, placementId))) throw placementsErrors.notFound();
  return { reports: (await reportsOf(db, placementId)).map(present) };
}

export async function schoolProgressReports({
  db,
  actor,
  ipAddress,
  placementId,
}: Reading & { ipAddress: string | null; placementId: string }) {
  return db.transaction(async (tx) => {
    const found = await findPlacementInReach(tx, actor, placementId, 'placements.read');
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'progress_reports.viewed',
        recordType: 'placement',
        recordId: placementId,
        schoolId: found.placement.schoolId,
        summary: `Read the progress reports on the placement at ${found.provider.name}`,
      },
    );
    return { reports: (await reportsOf(tx, placementId)).map(present) };
  });
}

/**
 * The progress reports a provider owes this half-term, soonest due first: one per active pupil placed
 * since the half-term began with no report dated in its window yet (`progressReportDue`).
 */
export async function progressReportsDue(
  db: Database,
  actor: Actor,
  today: string,
): Promise<{ due: ProgressReportDue[] }> {
  const providerIds = reachOf(actor, 'portal.use').providerIds;
  const rows = await placementsWithPupils(db, {
    groupId: actor.groupId,
    providerIds,
    statuses: ['active'],
  });
  if (!rows.length) return { due: [] };
  const schoolIds = [...new Set(rows.map((r) => r.placement.schoolId))];
  const [{ halfTerms }, reports] = await Promise.all([
    createCalendarRepository({ db }).calendarsOfSchools(schoolIds),
    // A reporting window is a half-term and the holiday after: well inside a year.
    reportDaysSince(
      db,
      rows.map((r) => r.placement.id),
      addDays(today, -366),
    ),
  ]);
  const reportDates = new Map<string, string[]>();
  for (const r of reports)
    reportDates.set(r.placementId, [...(reportDates.get(r.placementId) ?? []), r.reportedOn]);
  const due = rows.flatMap(({ placement, pupilName, schoolName }) => {
    const window = progressReportDue({
      reportDates: reportDates.get(placement.id) ?? [],
      startsOn: placement.startsOn ?? today,
      halfTerms: halfTerms.filter((h) => h.schoolId === placement.schoolId),
      today,
    });
    return window
      ? [
          {
            placementId: placement.id,
            pupilName,
            schoolName,
            halfTerm: `${halfTermLabel(window.halfTerm)} ${window.halfTerm.academicYear}`,
            dueBy: window.until,
          },
        ]
      : [];
  });
  return { due: due.sort((a, b) => a.dueBy.localeCompare(b.dueBy)) };
}
