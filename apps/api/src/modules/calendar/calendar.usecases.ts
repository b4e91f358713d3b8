/** Term dates per school and the school calendar built from them (school days, half-terms). */
import {
  academicYearBounds,
  bankHolidaysFromGovUk,
  CalendarNotDefinedError,
  type ClosureDay,
  createSchoolCalendar,
  type GovUkBankHolidays,
  type HalfTerm,
  halfTermIndex,
  halfTermLabel,
  maybeDateInWords,
  validateTermDates,
} from '@waymark/domain';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import type { Reading } from '../../lib/use-case.ts';
import { createOrganisationRepository } from '../organisation/organisation.repository.ts';
import { calendarErrors } from './calendar.errors.ts';
import { createCalendarRepository } from './calendar.repository.ts';

/** The school, if the actor may read term dates there; otherwise not found, so existence is not revealed. */
async function schoolInReach(
  db: Database,
  actor: Actor,
  schoolId: string,
  permission: 'term_dates.read' | 'term_dates.manage',
) {
  const schools = await createOrganisationRepository({ db }).listSchoolsInReach(
    actor,
    reachOf(actor, permission),
  );
  const school = schools.find((s) => s.id === schoolId);
  if (!school) throw calendarErrors.schoolNotFound();
  return school;
}

/** Everything needed to answer calendar questions for one school. Other features call this. */
export async function loadSchoolCalendar(db: Database, schoolId: string) {
  const repository = createCalendarRepository({ db });
  const [halfTerms, closureDays, bankHolidays] = await Promise.all([
    repository.halfTermsOf(schoolId),
    repository.closureDaysOf(schoolId),
    repository.bankHolidays(),
  ]);
  return createSchoolCalendar({ halfTerms, closureDays, bankHolidays });
}

/** The calendars of several schools in three queries, whatever the number of schools. */
export async function loadSchoolCalendars(db: Database, schoolIds: Iterable<string>) {
  const ids = [...new Set(schoolIds)];
  const repository = createCalendarRepository({ db });
  const [{ halfTerms, closureDays }, bankHolidays] = await Promise.all([
    repository.calendarsOfSchools(ids),
    repository.bankHolidays(),
  ]);
  return new Map(
    ids.map((id) => [
      id,
      createSchoolCalendar({
        halfTerms: halfTerms.filter((h) => h.schoolId === id),
        closureDays: closureDays.filter((c) => c.schoolId === id),
        bankHolidays,
      }),
    ]),
  );
}

export async function getTermDates({
  db,
  actor,
  schoolId,
  academicYear,
}: Reading & { schoolId: string; academicYear: string }) {
  const school = await schoolInReach(db, actor, schoolId, 'term_dates.read');
  const repository = createCalendarRepository({ db });
  const { firstDay, lastDay } = academicYearBounds(academicYear);
  const [halfTerms, closureDays, bankHolidays, availableYears] = await Promise.all([
    repository.halfTermsOf(schoolId, academicYear),
    repository.closureDaysOf(schoolId, academicYear),
    repository.bankHolidays(firstDay, lastDay),
    repository.academicYearsOf(schoolId),
  ]);
  const calendar = createSchoolCalendar({ halfTerms, closureDays, bankHolidays });
  const views = [...halfTerms]
    .sort((a, b) => halfTermIndex(a) - halfTermIndex(b))
    .map((h) => ({
      ...h,
      label: halfTermLabel(h),
      // Counted from the day before the half-term starts, so its first day is included.
      schoolDays: calendar.schoolDaysBetween(previousDay(h.startsOn), h.endsOn),
    }));
  return {
    schoolId,
    schoolName: school.name,
    academicYear,
    availableYears,
    halfTerms: views,
    closureDays,
    bankHolidays,
    totalSchoolDays: views.reduce((sum, h) => sum + h.schoolDays, 0),
  };
}

function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export async function replaceTermDates({
  db,
  actor,
  ipAddress,
  schoolId,
  academicYear,
  halfTerms,
  closureDays,
}: Reading & {
  ipAddress: string | null;
  schoolId: string;
  academicYear: string;
  halfTerms: HalfTerm[];
  closureDays: ClosureDay[];
}) {
  const school = await schoolInReach(db, actor, schoolId, 'term_dates.manage');
  const fields = validateTermDates(academicYear, halfTerms, closureDays);
  if (fields.length) throw calendarErrors.invalidTermDates({ fields });
  await db.transaction(async (tx) => {
    await createCalendarRepository({ db: tx }).replaceYear(schoolId, academicYear, halfTerms, closureDays);
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'term_dates.replaced',
        recordType: 'school',
        recordId: schoolId,
        schoolId,
        summary: `Set ${academicYear} term dates for ${school.name}: 6 half-terms, ${closureDays.length} closure days`,
      },
    );
  });
  return getTermDates({ db, actor, schoolId, academicYear });
}

export async function describeSchoolDay({
  db,
  actor,
  schoolId,
  date,
  addSchoolDays,
}: Reading & { schoolId: string; date: string; addSchoolDays?: number | undefined }) {
  await schoolInReach(db, actor, schoolId, 'term_dates.read');
  const calendar = await loadSchoolCalendar(db, schoolId);
  const day = calendar.describeDay(date);
  let plusSchoolDays: { n: number; date: string } | null = null;
  if (addSchoolDays !== undefined) {
    try {
      plusSchoolDays = { n: addSchoolDays, date: calendar.addSchoolDays(date, addSchoolDays) };
    } catch (error) {
      if (error instanceof CalendarNotDefinedError)
        throw calendarErrors.notCovered({ message: error.message });
      throw error;
    }
  }
  return {
    date,
    isSchoolDay: day.isSchoolDay,
    reason: day.reason,
    note: day.note,
    halfTerm: day.halfTerm ? `${halfTermLabel(day.halfTerm)} ${day.halfTerm.academicYear}` : null,
    plusSchoolDays,
  };
}

export async function importBankHolidays({
  db,
  actor,
  ipAddress,
  feed,
}: Reading & { ipAddress: string | null; feed: GovUkBankHolidays }) {
  const holidays = bankHolidaysFromGovUk(feed);
  return db.transaction(async (tx) => {
    const { added } = await createCalendarRepository({ db: tx }).upsertBankHolidays(holidays);
    await recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'bank_holidays.imported',
        recordType: 'bank_holidays',
        summary: `Imported ${holidays.length} England and Wales bank holidays (${added} new), ${maybeDateInWords(holidays[0]?.date)} to ${maybeDateInWords(holidays.at(-1)?.date)}`,
      },
    );
    return { received: holidays.length, added };
  });
}
