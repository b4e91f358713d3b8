/**
 * Which active placements expect the pupil on a date, and in which sessions, from each placement's
 * timetable and its school's calendar (loaded once per school).
 */
import { expectedSessions, isRegisteredSetting, registrationFor } from '@waymark/domain';
import { and, desc, eq, gte, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { loadSchoolCalendars } from '../calendar/calendar.usecases.ts';
import { schools } from '../organisation/organisation.table.ts';
import { withTermsOn } from '../placements/placement-terms.ts';
import { placements } from '../placements/placements.table.ts';
import { providerSlas, providers } from '../providers/providers.table.ts';
import { pupils } from '../pupils/pupils.table.ts';
import { providerClosureDays } from './attendance.table.ts';

export async function placementsExpectedOn(db: Database, date: string, where: SQL) {
  const rows = await db
    .select({
      placement: placements,
      pupil: pupils,
      providerName: providers.name,
      providerSettingType: providers.settingType,
      providerDfeNumber: providers.dfeNumber,
      schoolName: schools.name,
    })
    .from(placements)
    .innerJoin(pupils, eq(pupils.id, placements.pupilId))
    .innerJoin(providers, eq(providers.id, placements.providerId))
    .innerJoin(schools, eq(schools.id, placements.schoolId))
    .where(
      and(
        where,
        eq(placements.status, 'active'),
        lte(placements.startsOn, date),
        or(isNull(placements.plannedEndOn), gte(placements.plannedEndOn, date)),
      ),
    )
    .orderBy(pupils.legalLastName, pupils.legalFirstName);
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
    const registration = registrationFor(
      isRegisteredSetting(row.providerSettingType, row.providerDfeNumber),
      p.type,
    );
    if (sessions.length) expected.push({ ...row, placement: p, sessions, registration });
  }
  return expected;
}

/** The agreed return times from each provider's current SLA; 10:00 and 14:00 when none is recorded. */
export async function dueTimesOf(db: Database, providerIds: string[]) {
  const slas = providerIds.length
    ? await db
        .selectDistinctOn([providerSlas.providerId], {
          providerId: providerSlas.providerId,
          am: providerSlas.attendanceAmBy,
          pm: providerSlas.attendancePmBy,
        })
        .from(providerSlas)
        .where(inArray(providerSlas.providerId, providerIds))
        .orderBy(providerSlas.providerId, desc(providerSlas.recordedAt))
    : [];
  const byProvider = new Map(slas.map((s) => [s.providerId, { am: s.am, pm: s.pm }]));
  return (providerId: string) => byProvider.get(providerId) ?? { am: '10:00', pm: '14:00' };
}
