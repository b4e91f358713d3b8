/**
 * Reporting a concern or incident (portal or school staff), and reading them back with the detail each
 * person may see. A report is saved, the school's DSLs or AP leads are emailed, and the audit log is
 * written in one transaction; the emails wait in the outbox if the mail server is down.
 */
import {
  type IncidentKind,
  type IncidentReport,
  incidentKindLabels,
  isSafeguarding,
  momentInWords,
  type NotificationKind,
  parseIncidentTime,
  pupilDisplayName,
  type RoleName,
  toldSameDay,
} from '@waymark/domain';
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { fieldError } from '../../lib/errors.ts';
import type { Command, Reading } from '../../lib/use-case.ts';
import { notify } from '../notifications/notify.ts';
import { peopleWithRoleAt } from '../notifications/recipients.ts';
import { schoolById } from '../organisation/organisation.repository.ts';
import { providerNameOf } from '../providers/providers.repository.ts';
import { withPupils } from '../pupils/pupils.repository.ts';
import { type IncidentSight, mayReadDetail, placementToReportOn, sightOf } from './incident-access.ts';
import { incidentActions, incidentAttachments, incidentReferrals, incidents } from './incidents.table.ts';

/** What a person without safeguarding access is told a safeguarding record is. */
const RESTRICTED_LABEL = 'Safeguarding concern';

const notificationKindOf = (kind: IncidentKind): NotificationKind =>
  isSafeguarding(kind) ? 'safeguarding_concern' : kind === 'restraint' ? 'restraint' : 'incident';

/** Who is told: the DSLs for safeguarding kinds, AP leads otherwise (and DSLs after a restraint). */
const toldAbout = (kind: IncidentKind): RoleName[] =>
  isSafeguarding(kind) ? ['dsl'] : kind === 'restraint' ? ['ap_lead', 'dsl'] : ['ap_lead'];

export async function reportIncident({
  db,
  actor,
  ipAddress,
  now,
  publicUrl,
  source,
  input,
  idempotencyKey,
}: Command & {
  publicUrl: string;
  source: 'portal' | 'school';
  input: IncidentReport;
  idempotencyKey?: string | undefined;
}) {
  const occurredAt = parseIncidentTime(input.occurredAt);
  if (occurredAt.getTime() > now.getTime() + 60_000)
    throw fieldError('incidents.future', 'occurredAt', 'This time is in the future');
  return db.transaction(async (tx) => {
    if (idempotencyKey) {
      const [already] = await tx
        .select({ id: incidents.id })
        .from(incidents)
        .where(and(eq(incidents.reportedBy, actor.userId), eq(incidents.idempotencyKey, idempotencyKey)));
      if (already) return { id: already.id, alreadyReported: true };
    }
    const found = await placementToReportOn(tx, actor, input.placementId, source);
    if (!found)
      throw fieldError(
        'incidents.not_placed',
        'placementId',
        source === 'portal'
          ? 'This pupil is not placed with you'
          : 'There is no such placement at your schools',
      );
    const { placement } = found;
    const [row] = await tx
      .insert(incidents)
      .values({
        groupId: actor.groupId,
        schoolId: placement.schoolId,
        providerId: placement.providerId,
        placementId: placement.id,
        pupilId: placement.pupilId,
        kind: input.kind,
        occurredAt,
        location: input.location,
        peopleInvolved: input.peopleInvolved,
        whatHappened: input.whatHappened,
        immediateActions: input.immediateActions,
        postIncidentSupport: input.postIncidentSupport ?? null,
        debrief: input.debrief ?? null,
        source,
        reportedBy: actor.userId,
        reportedByName: actor.displayName,
        reportedAt: now,
        schoolToldAt: now,
        idempotencyKey: idempotencyKey ?? null,
      })
      .returning({ id: incidents.id });
    const id = row!.id;
    const school = await schoolById(tx, placement.schoolId);
    const label = incidentKindLabels[input.kind];
    const people = (await peopleWithRoleAt(tx, placement.schoolId, toldAbout(input.kind))).filter(
      (p) => p.userId !== actor.userId,
    );
    for (const person of people) {
      // Emails carry no detail and no pupil name: the record is read in Waymark, where reading is logged.
      await notify(
        tx,
        {
          groupId: actor.groupId,
          kind: notificationKindOf(input.kind),
          to: person,
          // The subject says neither the kind nor the pupil: subjects show in previews and on lock screens.
          subject: `${school?.name ?? 'Your school'}: ${isSafeguarding(input.kind) ? 'urgent, a new concern to triage' : 'a new incident report to read'}`,
          text: [
            `${person.displayName},`,
            '',
            `${actor.displayName}${source === 'portal' ? ` of ${found.providerName}` : ''} has reported: ${label.toLowerCase()}.`,
            `It happened on ${momentInWords(occurredAt, { weekday: true })}.`,
            '',
            `Read it and act on it in Waymark: ${publicUrl}/incidents/${id}`,
          ].join('\n'),
        },
        now,
      );
    }
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'incidents.reported',
        recordType: 'incident',
        recordId: id,
        schoolId: placement.schoolId,
        summary: `Reported: ${label} (${source === 'portal' ? found.providerName : 'school staff'}); ${people.length} people told`,
      },
    );
    return { id, alreadyReported: false };
  });
}

type IncidentRow = typeof incidents.$inferSelect;

/** The summary anyone who may see the incident at all may see. */
function summaryOf(
  incident: IncidentRow,
  pupil: { preferredName: string | null; legalFirstName: string; legalLastName: string },
  providerName: string,
  detail: boolean,
) {
  return {
    id: incident.id,
    kind: detail ? incident.kind : null,
    kindLabel: detail ? incidentKindLabels[incident.kind] : RESTRICTED_LABEL,
    safeguarding: isSafeguarding(incident.kind),
    restricted: !detail,
    status: incident.status,
    placementId: incident.placementId,
    pupilId: incident.pupilId,
    pupilName: pupilDisplayName(pupil),
    providerName,
    occurredAt: incident.occurredAt.toISOString(),
    reportedAt: incident.reportedAt.toISOString(),
    schoolToldAt: incident.schoolToldAt.toISOString(),
    toldSameDay: toldSameDay(incident.occurredAt, incident.schoolToldAt),
    reportedByName: incident.reportedByName,
  };
}

export async function listIncidents({ db, actor, status }: Reading & { status: 'open' | 'closed' | 'all' }) {
  const sight = await sightOf(db, actor);
  const schoolIds = [...new Set([...sight.seen, ...sight.safeguarding])];
  if (!schoolIds.length) return [];
  const rows = await withPupils(
    db,
    await db
      .select({ incident: incidents, providerName: providerNameOf(incidents.providerId) })
      .from(incidents)
      .where(
        and(
          eq(incidents.groupId, actor.groupId),
          inArray(incidents.schoolId, schoolIds),
          status === 'open'
            ? ne(incidents.status, 'closed')
            : status === 'closed'
              ? eq(incidents.status, 'closed')
              : undefined,
        ),
      )
      .orderBy(desc(incidents.occurredAt))
      .limit(500),
    (r) => r.incident.pupilId,
  );
  return rows.map((r) => summaryOf(r.incident, r.pupil, r.providerName, mayReadDetail(sight, r.incident)));
}

/** The full record, for those who may read it; the reading is itself logged. */
export async function incidentDetail(
  db: Database,
  found: {
    incident: IncidentRow;
    pupil: { preferredName: string | null; legalFirstName: string; legalLastName: string };
    providerName: string;
    sight?: IncidentSight;
  },
  detail: boolean,
) {
  const { incident } = found;
  const summary = summaryOf(incident, found.pupil, found.providerName, detail);
  if (!detail) return { ...summary, detail: null };
  const [actions, referrals, attachments] = await Promise.all([
    db.select().from(incidentActions).where(eq(incidentActions.incidentId, incident.id)),
    db.select().from(incidentReferrals).where(eq(incidentReferrals.incidentId, incident.id)),
    db.select().from(incidentAttachments).where(eq(incidentAttachments.incidentId, incident.id)),
  ]);
  return {
    ...summary,
    detail: {
      location: incident.location,
      peopleInvolved: incident.peopleInvolved,
      whatHappened: incident.whatHappened,
      immediateActions: incident.immediateActions,
      postIncidentSupport: incident.postIncidentSupport,
      debrief: incident.debrief,
      source: incident.source,
      triage: incident.triageLevel
        ? {
            level: incident.triageLevel,
            rationale: incident.triageRationale ?? '',
            byName: incident.triagedByName ?? '',
            at: incident.triagedAt!.toISOString(),
          }
        : null,
      outcome: incident.outcome,
      closedByName: incident.closedByName,
      closedAt: incident.closedAt?.toISOString() ?? null,
      actions: actions
        .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
        .map((a) => ({
          id: a.id,
          action: a.action,
          owner: a.owner,
          dueOn: a.dueOn,
          doneOn: a.doneOn,
          doneByName: a.doneByName,
        })),
      referrals: referrals
        .sort((a, b) => a.referredOn.localeCompare(b.referredOn))
        .map((r) => ({
          id: r.id,
          agency: r.agency,
          referredOn: r.referredOn,
          reference: r.reference,
          details: r.details,
          recordedByName: r.recordedByName,
        })),
      attachments: attachments.map((a) => ({
        id: a.id,
        filename: a.filename,
        description: a.description,
        uploadedByName: a.uploadedByName,
        uploadedAt: a.uploadedAt.toISOString(),
      })),
    },
  };
}

export async function logIncidentRead(
  db: Database,
  context: { actor: Actor; ipAddress: string | null },
  incident: IncidentRow,
  what = 'Read',
) {
  await recordAudit(db, context, {
    action: 'incidents.read',
    recordType: 'incident',
    recordId: incident.id,
    schoolId: incident.schoolId,
    summary: `${what}: ${incidentKindLabels[incident.kind]}`,
  });
}
