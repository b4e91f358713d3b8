/**
 * The DSL's (or, for other kinds, the AP lead's) work on a concern: triage, actions with owners and
 * dates, referrals to other agencies, and closure with the outcome. Each step is one transaction with
 * its audit entry; a closed record takes no more steps.
 */
import {
  dateInWords,
  type IncidentKind,
  incidentKindLabels,
  type referralAgencies,
  referralAgencyLabels,
  type TriageLevel,
  triageLevelLabels,
} from '@waymark/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { defineError, fieldError } from '../../lib/errors.ts';
import { assertMayManage, findIncidentForStaff } from './incident-access.ts';
import { incidentActions, incidentReferrals, incidents } from './incidents.table.ts';

const errors = {
  closed: defineError('incidents.closed', 409, 'This record is closed; nothing more can be added to it.'),
  notTriaged: defineError('incidents.not_triaged', 409, 'Triage the concern before closing it.'),
  openActions: defineError(
    'incidents.open_actions',
    409,
    'Some actions are not done yet. Mark them done before closing the record.',
  ),
  actionNotFound: defineError('incidents.action_not_found', 404, 'There is no such action on this record.'),
};

interface Step {
  db: Database;
  actor: Actor;
  ipAddress: string | null;
  now: Date;
  incidentId: string;
}

/** Finds the incident, checks the actor may act on it and that it is open, then runs the step. */
async function step<T>(
  { db, actor, ipAddress, incidentId }: Step,
  summary: (kind: IncidentKind) => string,
  action: string,
  run: (tx: Database, incident: typeof incidents.$inferSelect) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const { incident } = await findIncidentForStaff(tx, actor, incidentId);
    await assertMayManage(tx, actor, incident);
    if (incident.status === 'closed') throw errors.closed();
    const result = await run(tx, incident);
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action,
        recordType: 'incident',
        recordId: incident.id,
        schoolId: incident.schoolId,
        summary: summary(incident.kind),
      },
    );
    return result;
  });
}

export function triageIncident(command: Step, input: { level: TriageLevel; rationale: string }) {
  return step(
    command,
    (kind) => `Triaged ${incidentKindLabels[kind].toLowerCase()}: ${triageLevelLabels[input.level]}`,
    'incidents.triaged',
    async (tx, incident) => {
      await tx
        .update(incidents)
        .set({
          status: 'triaged',
          triageLevel: input.level,
          triageRationale: input.rationale,
          triagedByName: command.actor.displayName,
          triagedAt: command.now,
        })
        .where(eq(incidents.id, incident.id));
    },
  );
}

export function addIncidentAction(command: Step, input: { action: string; owner: string; dueOn: string }) {
  return step(
    command,
    () => `Action for ${input.owner} by ${dateInWords(input.dueOn)}`,
    'incidents.action_added',
    async (tx, incident) => {
      const [row] = await tx
        .insert(incidentActions)
        .values({
          incidentId: incident.id,
          ...input,
          recordedByName: command.actor.displayName,
          recordedAt: command.now,
        })
        .returning({ id: incidentActions.id });
      return { id: row!.id };
    },
  );
}

export function completeIncidentAction(command: Step & { actionId: string; today: string }) {
  return step(
    command,
    () => 'Action done',
    'incidents.action_done',
    async (tx, incident) => {
      const done = await tx
        .update(incidentActions)
        .set({ doneOn: command.today, doneByName: command.actor.displayName })
        .where(and(eq(incidentActions.id, command.actionId), eq(incidentActions.incidentId, incident.id)))
        .returning({ id: incidentActions.id });
      if (!done.length) throw errors.actionNotFound();
    },
  );
}

export function recordReferral(
  command: Step & { today: string },
  input: {
    agency: (typeof referralAgencies)[number];
    referredOn: string;
    reference: string;
    details: string;
  },
) {
  if (input.referredOn > command.today)
    throw fieldError('incidents.future_referral', 'referredOn', 'This date is in the future');
  return step(
    command,
    () => `Referred to ${referralAgencyLabels[input.agency]} on ${dateInWords(input.referredOn)}`,
    'incidents.referred',
    async (tx, incident) => {
      const [row] = await tx
        .insert(incidentReferrals)
        .values({
          incidentId: incident.id,
          ...input,
          recordedByName: command.actor.displayName,
          recordedAt: command.now,
        })
        .returning({ id: incidentReferrals.id });
      return { id: row!.id };
    },
  );
}

export function closeIncident(command: Step, input: { outcome: string }) {
  return step(
    command,
    () => 'Closed with its outcome',
    'incidents.closed',
    async (tx, incident) => {
      if (!incident.triageLevel) throw errors.notTriaged();
      const open = await tx
        .select({ id: incidentActions.id })
        .from(incidentActions)
        .where(and(eq(incidentActions.incidentId, incident.id), isNull(incidentActions.doneOn)));
      if (open.length) throw errors.openActions();
      await tx
        .update(incidents)
        .set({
          status: 'closed',
          outcome: input.outcome,
          closedByName: command.actor.displayName,
          closedAt: command.now,
        })
        .where(eq(incidents.id, incident.id));
    },
  );
}
