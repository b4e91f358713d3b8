/**
 * Around a day of the provider's register: the days before and after it that expect someone (the
 * register page's "previous" and "next"), and on a day that expects nobody, why not and when someone
 * is next expected — so a provider opening the register on a Saturday or in half-term is told so,
 * rather than shown an empty page.
 */
import { addDays, dateInWords, dayOfWeek, expectedSessions, weekdayLabels, weekdays } from '@waymark/domain';
import { and, between, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { loadSchoolCalendars } from '../calendar/calendar.usecases.ts';
import { withTermsOn } from '../placements/placement-terms.ts';
import { placementsWithPupils } from '../placements/placements.repository.ts';
import { providerClosureDays } from './attendance.table.ts';

/** How far back and ahead the page looks: beyond a summer holiday's six weeks either way. */
const LOOK_BACK_DAYS = 49;
const LOOK_AHEAD_DAYS = 49;

const closedBecause = {
  holiday: 'the schools are on holiday',
  inset: 'the schools are closed for an INSET day',
  closure: 'the schools are closed',
} as const;

export async function registerDays({ db, actor, date }: { db: Database; actor: Actor; date: string }) {
  const providerIds = reachOf(actor, 'portal.use').providerIds;
  const from = addDays(date, -LOOK_BACK_DAYS);
  const to = addDays(date, LOOK_AHEAD_DAYS);
  // An empty list of providers selects nothing (the repository answers [] without a query).
  const running = await placementsWithPupils(db, {
    groupId: actor.groupId,
    providerIds,
    statuses: ['active'],
    overlapping: { from, to },
  });
  const closures = providerIds.length
    ? await db
        .select({
          providerId: providerClosureDays.providerId,
          date: providerClosureDays.date,
          note: providerClosureDays.note,
        })
        .from(providerClosureDays)
        .where(
          and(
            inArray(providerClosureDays.providerId, providerIds),
            between(providerClosureDays.date, from, to),
          ),
        )
    : [];
  const calendars = await loadSchoolCalendars(
    db,
    running.map((r) => r.placement.schoolId),
  );
  // The timetable in force on the chosen day stands for the whole window: these are signposts, and
  // the register of the day a person moves to applies that day's own timetable.
  const placements = await withTermsOn(
    db,
    running.map((r) => r.placement),
    date,
  );
  const expected = new Set<string>();
  for (const p of placements) {
    if (!p.startsOn) continue;
    for (const session of expectedSessions({
      calendar: calendars.get(p.schoolId)!,
      sessions: p.sessions,
      startsOn: p.startsOn,
      endsOn: p.plannedEndOn,
      from,
      to,
      providerClosures: closures.filter((c) => c.providerId === p.providerId).map((c) => c.date),
    }))
      expected.add(session.date);
  }
  const days = [...expected].sort();
  const next = days.find((d) => d > date) ?? null;
  return {
    date,
    previous: days.filter((d) => d < date).at(-1) ?? null,
    next,
    whyNoPupils: expected.has(date) ? null : whyNoPupils(),
    nextExpected: expected.has(date) ? null : next,
  };

  function whyNoPupils(): string {
    const weekday = dayOfWeek(date);
    if (weekday === 0 || weekday === 6) return `${dateInWords(date, { weekday: true })} is a weekend.`;
    const closed = closures.find((c) => c.date === date);
    if (closed) return `The provision is recorded as closed on this day: ${closed.note}.`;
    const onTheDay = placements.filter(
      (p) => p.startsOn && p.startsOn <= date && (!p.plannedEndOn || p.plannedEndOn >= date),
    );
    if (!onTheDay.length) return 'No placement with you runs on this day.';
    const schoolDays = onTheDay.map((p) => calendars.get(p.schoolId)!.describeDay(date));
    if (schoolDays.every((d) => !d.isSchoolDay)) {
      const first = schoolDays[0]!;
      if (first.reason === 'bank_holiday') return `It is a bank holiday (${first.note}).`;
      if (first.reason && first.reason !== 'weekend')
        return `No pupil is expected: ${closedBecause[first.reason]}.`;
    }
    const name = weekdays.find((_, i) => i === weekday - 1);
    return `No pupil is timetabled with you on ${name ? `${weekdayLabels[name]}s` : 'this day'}.`;
  }
}
