/**
 * The early warnings a person may see, with their acknowledgements; acknowledging one; the group's
 * thresholds. Signals are computed from today's records on each request, so they are always the day's.
 */
import {
  arrangeWarnings,
  type EarlyWarning,
  type WarningKind,
  type WarningSettings,
  warningKinds,
  warningSettingsFrom,
} from '@waymark/domain';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { type Actor, hasPermission } from '../../lib/actor.ts';
import { diff, recordAudit } from '../../lib/audit-log.ts';
import { defineError } from '../../lib/errors.ts';
import type { Command } from '../../lib/use-case.ts';
import { placementWarnings, type WarningFilter } from './placement-warnings.ts';
import { providerWarnings } from './provider-warnings.ts';
import { warningAcknowledgements, warningSettings } from './warnings.table.ts';

export const warningsErrors = {
  notShowing: defineError(
    'warnings.not_showing',
    404,
    'That warning is not showing for you today: it may have cleared, or be outside your schools.',
  ),
};

export async function settingsOf(db: Database, groupId: string): Promise<WarningSettings> {
  const [row] = await db.select().from(warningSettings).where(eq(warningSettings.groupId, groupId));
  return warningSettingsFrom(row?.settings);
}

async function signalsFor(
  db: Database,
  actor: Actor,
  today: string,
  settings: WarningSettings,
  filter: WarningFilter,
) {
  const [forPlacements, forProviders] = await Promise.all([
    placementWarnings(db, actor, today, settings, filter),
    hasPermission(actor, 'providers.manage') ? providerWarnings(db, actor, today, settings, filter) : [],
  ]);
  return [...forPlacements, ...forProviders];
}

/** The signals with their acknowledgements: those to show and those quietened. */
async function arranged(
  db: Database,
  actor: Actor,
  today: string,
  settings: WarningSettings,
  signals: EarlyWarning[],
) {
  const acknowledgements = signals.length
    ? await db
        .select()
        .from(warningAcknowledgements)
        .where(
          and(
            eq(warningAcknowledgements.groupId, actor.groupId),
            inArray(
              warningAcknowledgements.key,
              signals.map((s) => s.key),
            ),
          ),
        )
        .orderBy(desc(warningAcknowledgements.acknowledgedAt))
    : [];
  return arrangeWarnings(signals, acknowledgements, today, settings);
}

export async function earlyWarnings(db: Database, actor: Actor, today: string, filter: WarningFilter) {
  const settings = await settingsOf(db, actor.groupId);
  return arranged(db, actor, today, settings, await signalsFor(db, actor, today, settings, filter));
}

/** The records a key can name: a placement's warnings are read for that placement alone. */
function filterForKey(key: string): WarningFilter | null {
  const [kind, id] = key.split(':');
  if (!kind || !(kind in warningKinds) || !id || !z.uuid().safeParse(id).success) return null;
  return warningKinds[kind as WarningKind].family === 'provider_risk' ? {} : { placementId: id };
}

export async function acknowledgeWarning({
  db,
  actor,
  ipAddress,
  now,
  today,
  key,
  note,
}: Command & { today: string; key: string; note: string }) {
  // The server finds the warning itself, so nobody acknowledges one they cannot see or a made-up measure.
  const filter = filterForKey(key);
  if (!filter) throw warningsErrors.notShowing();
  const settings = await settingsOf(db, actor.groupId);
  const signals = await signalsFor(db, actor, today, settings, filter);
  const showing = signals.find((w) => w.key === key);
  if (!showing) throw warningsErrors.notShowing();
  await db.transaction(async (tx) => {
    await tx.insert(warningAcknowledgements).values({
      groupId: actor.groupId,
      key,
      schoolId: showing.schoolId,
      measure: showing.measure,
      reason: showing.reason,
      note,
      acknowledgedOn: today,
      acknowledgedAt: now,
      byUserId: actor.userId,
      byName: actor.displayName,
    });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'warnings.acknowledged',
        recordType: showing.placementId ? 'placement' : 'provider',
        recordId: showing.placementId ?? showing.providerId,
        schoolId: showing.schoolId,
        summary: `Acknowledged the early warning “${showing.reason}” — ${note}`,
      },
    );
  });
  return arranged(db, actor, today, settings, signals);
}

export async function saveSettings({
  db,
  actor,
  ipAddress,
  now,
  settings,
}: Command & { settings: WarningSettings }) {
  const before = await settingsOf(db, actor.groupId);
  await db.transaction(async (tx) => {
    await tx
      .insert(warningSettings)
      .values({ groupId: actor.groupId, settings, updatedBy: actor.displayName, updatedAt: now })
      .onConflictDoUpdate({
        target: warningSettings.groupId,
        set: { settings, updatedBy: actor.displayName, updatedAt: now },
      });
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'warnings.settings_changed',
        recordType: 'group',
        recordId: actor.groupId,
        summary: 'Changed the early warning thresholds',
        changes: diff(before, settings),
      },
    );
  });
  return settings;
}
