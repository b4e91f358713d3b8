/** A real school calendar for the warning tests: 2025–26 half-terms, an INSET day and bank holidays. */
import { createSchoolCalendar } from '../calendar/school-calendar.ts';
import type { HalfTerm } from '../calendar/term-dates.ts';
import type { WarningSubject } from './early-warnings.ts';

export const halfTerms: HalfTerm[] = [
  { academicYear: '2025/26', term: 'autumn', half: 2, startsOn: '2025-11-03', endsOn: '2025-12-19' },
  { academicYear: '2025/26', term: 'spring', half: 1, startsOn: '2026-01-05', endsOn: '2026-02-13' },
  { academicYear: '2025/26', term: 'spring', half: 2, startsOn: '2026-02-23', endsOn: '2026-03-27' },
];

export const calendar = createSchoolCalendar({
  halfTerms,
  closureDays: [{ date: '2026-02-23', kind: 'inset', note: 'Training day' }],
  bankHolidays: [{ date: '2025-12-25', title: 'Christmas Day' }],
});

export const subject: WarningSubject = {
  placementId: 'p1',
  providerId: 'v1',
  pupilName: 'Jordan Reeve',
  providerName: 'Harbour Learning',
  schoolId: 's1',
  schoolName: 'Hillside Academy',
};
