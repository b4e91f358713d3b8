/** The subject access export as a PDF a school can send to a parent or pupil (lib/pdf.ts). */
import { dateInWords, incidentKindLabels, momentInWords, placementTypeLabels } from '@waymark/domain';
import { renderPdf } from '../../lib/pdf.ts';
import type { SubjectAccess } from './subject-access.ts';

/** A calendar date or an instant, as the pages print it: "6 Oct 2026", or "6 Oct 2026, 09:30". */
const when = (value: string | Date | null | undefined, fallback = '—') => {
  if (!value) return fallback;
  return typeof value === 'string' && value.length === 10 ? dateInWords(value) : momentInWords(value);
};

export function renderSubjectAccessPdf(s: SubjectAccess): Promise<Buffer> {
  const title = `Subject access export: ${s.pupil.name}`;
  return renderPdf(
    { title, runningHeader: `${s.pupil.name} · ${s.pupil.school} · made ${when(s.madeAt)}` },
    (pdf) => {
      pdf.heading(title);
      pdf.paragraph(
        `Everything Waymark holds about ${s.pupil.name} at ${s.pupil.school}, made on ${when(s.madeAt)} by ${s.madeBy}.`,
      );
      if (!s.safeguarding.included)
        pdf.paragraph(
          `${s.safeguarding.note}${s.safeguarding.withheld ? ` ${s.safeguarding.withheld} such records are not in this export.` : ''}`,
          { size: 9.5 },
        );

      pdf.subheading('1. The pupil');
      const p = s.pupil;
      pdf.field('Name', p.name);
      if (p.preferredName) pdf.field('Preferred name', p.preferredName);
      pdf.field('Date of birth', when(p.dateOfBirth));
      pdf.field('UPN', p.upn);
      if (p.uln) pdf.field('ULN', p.uln);
      pdf.field('Special educational needs', p.senStatus);
      if (p.ehcpLocalAuthority) pdf.field('EHCP local authority', p.ehcpLocalAuthority);
      pdf.field('Looked after', p.lookedAfter ? 'yes' : 'no');
      for (const parent of p.parents) pdf.field(`Parent or carer (${parent.relationship})`, parent.name);

      pdf.subheading('2. Documents held');
      if (!s.documents.length) pdf.paragraph('None.');
      else
        pdf.table(
          ['Title', 'Kind', 'Version', 'Dated'],
          s.documents.map((d) => [d.title, d.kind, String(d.version), when(d.documentDate ?? d.uploadedAt)]),
        );

      pdf.subheading('3. Placements in alternative provision');
      if (!s.placements.length) pdf.paragraph('None.');
      for (const pl of s.placements) {
        pdf.paragraph(`${pl.provider}: ${placementTypeLabels[pl.type]}`, { bold: true });
        pdf.field(
          'Dates',
          `${when(pl.startsOn, 'not started')} to ${when(pl.endedOn ?? pl.plannedEndOn, 'open')}`,
        );
        pdf.field('Reason', pl.reason);
        if (pl.objectives.length) pdf.list(pl.objectives.map((o) => `Objective: ${o.text}`));
        if (pl.reintegrationTargets.length)
          pdf.list(pl.reintegrationTargets.map((t) => `Reintegration target: ${t.text}`));
        if (pl.reviews.length)
          pdf.table(
            ['Review', 'Held on', 'Decision'],
            pl.reviews.map((r) => [r.halfTerm, when(r.completedOn, 'not yet'), r.decision ?? '—']),
          );
        if (pl.sharedWithProvider.length)
          pdf.table(
            ['Shared with the provider', 'On', 'How'],
            pl.sharedWithProvider.map((x) => [x.what, when(x.sharedOn), x.method]),
          );
        if (pl.communications.length)
          pdf.table(
            ['Contact', 'On', 'Summary'],
            pl.communications.map((c) => [`${c.kind} with ${c.withWhom}`, when(c.occurredOn), c.summary]),
          );
        if (pl.directionReviews.length)
          pdf.table(
            ['Review of the direction', 'On', 'Note'],
            pl.directionReviews.map((r) => [
              r.kind === 'requested' ? `Asked for by ${r.requestedBy}` : `Held by the board: ${r.outcome}`,
              when(r.on),
              r.note,
            ]),
          );
      }

      pdf.subheading('4. Attendance');
      if (!s.attendance.length) pdf.paragraph('No sessions recorded.');
      else {
        const byCode = new Map<string, number>();
        for (const m of s.attendance) byCode.set(m.code, (byCode.get(m.code) ?? 0) + 1);
        pdf.paragraph(
          `${s.attendance.length} sessions recorded: ${[...byCode].map(([code, n]) => `${code} × ${n}`).join(', ')}.`,
        );
        pdf.table(
          ['Date', 'Session', 'Code'],
          s.attendance.map((m) => [when(m.date), m.session, m.code]),
        );
      }
      if (s.firstDayCalls.length)
        pdf.table(
          ['First-day call about', 'Status', 'Calls made'],
          s.firstDayCalls.map((c) => [when(c.date), c.status, String(c.log.length)]),
        );

      pdf.subheading('5. Concerns and incidents');
      if (!s.incidents.length) pdf.paragraph('None in this export.');
      for (const i of s.incidents) {
        pdf.paragraph(`${incidentKindLabels[i.kind]} on ${when(i.occurredAt)} (${i.status})`, { bold: true });
        pdf.paragraph(i.whatHappened);
        pdf.field('Immediate actions', i.immediateActions);
        if (i.outcome) pdf.field('Outcome', i.outcome);
      }

      pdf.subheading('6. Pupil and parent voice');
      const answered = s.voice.filter((v) => v.answeredAt);
      if (!answered.length) pdf.paragraph('No answers received.');
      else
        pdf.table(
          ['Half-term', 'From', 'Answered on'],
          answered.map((v) => [v.halfTerm, v.respondent, when(v.answeredAt)]),
        );

      pdf.subheading('7. Who has looked at or changed this record');
      if (!s.whoLookedAtThisRecord.length) pdf.paragraph('No one.');
      else
        pdf.table(
          ['When', 'Who', 'What'],
          s.whoLookedAtThisRecord.map((v) => [when(v.occurredAt), v.actorName, v.action]),
        );
    },
  );
}
