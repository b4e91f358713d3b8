/**
 * The written notice of an off-site direction (s29A Education Act 2002; SI 2012/2532): to the parents,
 * and to the local authority when the pupil has an EHCP. It states where the pupil is to attend, who
 * to report to, the number of days, the reasons and objectives, the sessions, and the right to ask
 * for a review. It must go at least two school days before the first day.
 */
import {
  dateInWords,
  earliestOffSiteStart,
  pupilDisplayName,
  schoolDaysBetween,
  type TimetableSession,
  timetabledCounts,
  weekdayLabels,
} from '@waymark/domain';
import { recordAudit } from '../../lib/audit-log.ts';
import { AppError, defineError } from '../../lib/errors.ts';
import { renderPdf } from '../../lib/pdf.ts';
import type { Reading } from '../../lib/use-case.ts';
import { loadSchoolCalendar } from '../calendar/calendar.usecases.ts';
import { findPlacementInReach } from './placement-view.ts';

const notAnOffSiteDirection = defineError(
  'placements.not_off_site_direction',
  409,
  'Only an off-site direction has a written notice; this placement is another kind.',
);
const noEhcp = defineError(
  'placements.no_ehcp',
  409,
  'The local authority copy is for a pupil with an EHCP; this pupil has none.',
);

const noSessionTimes = defineError(
  'placements.notice_needs_times',
  409,
  'The notice tells parents the session times: give each session in the timetable a start and an end time first.',
);
const notDated = defineError(
  'placements.notice_needs_dates',
  409,
  'The notice gives the first and last day: enter the start and the planned end in the plan first.',
);
/** A notice that would arrive too late for its first day is refused rather than printed as on time. */
const tooLate = (noticeOn: string, startsOn: string, earliest: string) =>
  new AppError(
    'placements.notice_too_late',
    409,
    `A notice given on ${dateInWords(noticeOn)} allows a first day of ${dateInWords(earliest)} at the earliest (two clear school days), not ${dateInWords(startsOn)}: move the first day or give the notice sooner.`,
    [{ path: 'startsOn', message: `The first day can be ${dateInWords(earliest)} at the earliest` }],
  );

const order = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4 } as const;
const describeSessions = (sessions: TimetableSession[]) =>
  [...sessions]
    .sort((a, b) => order[a.day] - order[b.day] || a.session.localeCompare(b.session))
    .map(
      (s) =>
        `${weekdayLabels[s.day]} ${s.startsAt} to ${s.endsAt} (${s.session === 'am' ? 'morning' : 'afternoon'}, ${s.hours} hours)`,
    );

export async function offSiteNoticePdf({
  db,
  actor,
  ipAddress,
  placementId,
  to,
  today,
}: Reading & {
  ipAddress: string | null;
  placementId: string;
  to: 'parents' | 'local_authority';
  today: string;
}) {
  const found = await findPlacementInReach(db, actor, placementId, 'placements.read');
  const { placement: p, pupil, provider, schoolName } = found;
  if (p.type !== 'off_site_direction') throw notAnOffSiteDirection();
  if (to === 'local_authority' && pupil.senStatus !== 'ehcp') throw noEhcp();
  const { startsOn, plannedEndOn } = p;
  if (!startsOn || !plannedEndOn) throw notDated();
  if (!p.sessions.length || p.sessions.some((s) => !s.startsAt || !s.endsAt)) throw noSessionTimes();
  const calendar = await loadSchoolCalendar(db, p.schoolId);
  const noticeOn = p.noticeGivenOn ?? today;
  const earliest = calendar.coverage ? earliestOffSiteStart(calendar, noticeOn) : null;
  if (earliest && startsOn < earliest) throw tooLate(noticeOn, startsOn, earliest);
  // The days the timetable actually has from the first day to the last, term dates and all.
  const scheduled = calendar.coverage
    ? timetabledCounts(
        schoolDaysBetween(calendar, startsOn, plannedEndOn),
        p.sessions,
        startsOn,
        plannedEndOn,
      ).days
    : null;
  const words = (date: string) => dateInWords(date, { long: true });
  const pupilName = pupilDisplayName(pupil);
  const address = [provider.addressLine1, provider.addressLine2, provider.town, provider.postcode]
    .filter(Boolean)
    .join(', ');
  const addressee =
    to === 'parents'
      ? pupil.parents.map((parent) => parent.name).join(' and ') || `The parents or carers of ${pupilName}`
      : `The SEN team, ${pupil.ehcpLocalAuthority ?? 'the local authority'}`;
  const bytes = await renderPdf(
    {
      title: 'Notice of off-site direction',
      runningHeader: `Off-site direction · ${pupilName} · ${schoolName}`,
    },
    (pdf) => {
      pdf.heading('Notice of a direction to attend off-site education');
      pdf.paragraph(
        'Section 29A of the Education Act 2002 and the Education (Educational Provision for Improving Behaviour) Regulations 2010',
        {
          size: 9,
        },
      );
      pdf.field('To', addressee);
      pdf.field('From', `${schoolName}`);
      pdf.field('Date of this notice', words(noticeOn));
      pdf.field(
        'Pupil',
        `${pupil.legalFirstName} ${pupil.legalLastName} (date of birth ${dateInWords(pupil.dateOfBirth, { long: true }).replace(/^\w+ /, '')})`,
      );
      pdf.doc.moveDown(0.6);
      pdf.paragraph(
        `The governing board of ${schoolName} directs that ${pupilName} is to attend education away from the school, as set out below, to improve their behaviour and learning. ${pupilName} stays on the school’s roll throughout.`,
      );
      pdf.subheading('Where and when');
      pdf.field('Place', `${provider.name}${address ? `, ${address}` : ''}`);
      pdf.field(
        'Report to',
        provider.keyContactName
          ? `${provider.keyContactName}${provider.keyContactRole ? `, ${provider.keyContactRole}` : ''}`
          : '',
      );
      pdf.field('First day', words(startsOn));
      pdf.field('Last day planned', words(plannedEndOn));
      if (scheduled !== null)
        pdf.field('Number of days', `${scheduled} ${scheduled === 1 ? 'day' : 'days'} at ${provider.name}`);
      if (p.maximumDays) pdf.field('The most days agreed', String(p.maximumDays));
      pdf.paragraph('Sessions each week (UK time):');
      pdf.list(describeSessions(p.sessions));
      pdf.subheading('Why, and what it is for');
      pdf.paragraph(p.reason);
      if (p.objectives.length)
        pdf.list(p.objectives.map((o) => `${o.text} (by ${o.timeline}; success: ${o.successCriteria})`));
      pdf.subheading('Your right to a review');
      pdf.paragraph(
        'You may ask the governing board in writing to review this direction. The board must hold a review if none has been held in the last 10 weeks, and will tell you the outcome in writing.',
      );
      if (earliest)
        pdf.paragraph(
          `This notice is given at least two school days before the direction starts: given on ${words(noticeOn)}, the first day could be no earlier than ${words(earliest)}.`,
          { size: 9 },
        );
      if (to === 'local_authority')
        pdf.paragraph(
          `${pupilName} has an education, health and care plan maintained by ${pupil.ehcpLocalAuthority}.`,
          { size: 9 },
        );
    },
  );
  await db.transaction((tx) =>
    recordAudit(
      tx,
      { actor, ipAddress },
      {
        action: 'placements.notice_printed',
        recordType: 'placement',
        recordId: placementId,
        schoolId: p.schoolId,
        summary: `Produced the off-site direction notice to ${to === 'parents' ? 'the parents' : 'the local authority'} (dated ${dateInWords(noticeOn)})`,
      },
    ),
  );
  return { bytes, filename: `off-site-direction-${pupil.legalLastName.toLowerCase()}-${to}.pdf` };
}
