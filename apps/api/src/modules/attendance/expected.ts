/**
 * Which active placements expect the pupil on a date, and in which sessions, from each placement's
 * timetable and its school's calendar (loaded once per school).
 */
import { expectedSessions, isRegisteredSetting, registrationFor } from '@waymark/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { loadSchoolCalendars } from '../calendar/calendar.usecases.ts';
import { withTermsOn } from '../placements/placement-terms.ts';
import { type PlacementSelection, placementsOnRegister } from '../placements/placements.repository.ts';
import { providerRegistrations } from '../providers/providers.repository.ts';
import { providerClosureDays } from './attendance.table.ts';

export async function placementsExpectedOn(db: Database, date: string, selection: PlacementSelection) {
  const running = await placementsOnRegister(db, { ...selection, runningOn: date });
  const registered = new Map(
    (await providerRegistrations(db, [...new Set(running.map((r) => r.placement.providerId))])).map((p) => [
      p.id,
      isRegisteredSetting(p.settingType, p.dfeNumber),
    ]),
  );
  const rows = running;
  const providerIds = [...new Set(rows.map((r) => r.placement.providerId))];
  const closures = providerIds.length
    ? await db
        .select({ providerId: providerClosureDays.providerId, date: providerClosureDays.date })
        .from(providerClosureDays)
        .where(and(inArray(providerClosureDays.providerId, providerIds), eq(providerClosureDays.date, date)))
    : [];
  const calendars = await loadSchoolCalendars(
    db,
    rows.map((r) => r.placement.schoolId),
  );
  // The timetable in force on the day: a change from a later day leaves this one as it was.
  const onTheDay = await withTermsOn(
    db,
    rows.map((r) => r.placement),
    date,
  );
  const expected = [];
  for (const [i, row] of rows.entries()) {
    const p = onTheDay[i]!;
    const calendar = calendars.get(p.schoolId)!;
    const sessions = expectedSessions({
      calendar,
      sessions: p.sessions,
      startsOn: p.startsOn!,
      endsOn: p.plannedEndOn,
      from: date,
      to: date,
      providerClosures: closures.filter((c) => c.providerId === p.providerId).map((c) => c.date),
    }).map((s) => s.session);
    // Dual registration (code D) when the provider is itself a registered school; K when the LA arranged it.
    const registration = registrationFor(registered.get(p.providerId) ?? false, p.type);
    if (sessions.length) expected.push({ ...row, placement: p, sessions, registration });
  }
  return expected;
}
