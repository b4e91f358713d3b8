/**
 * The governors' report as a PDF a headteacher can send as it is: text-selectable, bar charts drawn as
 * vector shapes with their figures written beside them, tables, and the school (or region or group) and
 * term on every page with page numbers (lib/pdf.ts).
 */
import { dateInWords, pounds, type ReportFigure, SUPPRESSED_FIGURE_TEXT } from '@waymark/domain';
import { type PdfWriter, renderPdf } from '../../lib/pdf.ts';
import type { GovernorsReport } from './governors-report.ts';

type Bar = { label: string; value: number; text: string };

/** Horizontal bars, each labelled and with its figure, so the chart reads without colour. */
function bars(pdf: PdfWriter, items: Bar[], max: number) {
  const { doc } = pdf;
  const left = doc.page.margins.left;
  const labelWidth = 170;
  const barWidth = doc.page.width - doc.page.margins.left - doc.page.margins.right - labelWidth - 70;
  for (const item of items) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    const y = doc.y;
    doc
      .font('Helvetica')
      .fontSize(9.5)
      .fillColor('black')
      .text(item.label, left, y, { width: labelWidth - 8, lineBreak: false, ellipsis: true });
    const width = max > 0 ? Math.max(1, (item.value / max) * barWidth) : 1;
    doc.rect(left + labelWidth, y + 1, width, 9).fill('#1c3f94');
    doc.fillColor('black').text(item.text, left + labelWidth + width + 6, y, { lineBreak: false });
    doc.x = left;
    doc.y = y + 15;
  }
  doc.moveDown(0.5);
}

const figure = (n: number | string) => String(n);
/** A percentage, average or amount, or why it is not shown. */
const shown = (value: Exclude<ReportFigure, null>, format: (n: number) => string) =>
  value === 'fewer than 5' ? SUPPRESSED_FIGURE_TEXT : format(value);
const percent = (n: number) => `${n}%`;

export function renderGovernorsPdf(report: GovernorsReport): Promise<Buffer> {
  const where = `${report.scope.name} · ${report.term.term[0]!.toUpperCase()}${report.term.term.slice(1)} term ${report.term.academicYear}`;
  return renderPdf({ title: `${report.title}: ${report.scope.name}`, runningHeader: where }, (pdf) => {
    pdf.heading(report.title);
    pdf.paragraph(
      `${report.scope.name}. The term ran from ${dateInWords(report.term.from)} to ${dateInWords(report.term.to)}.`,
    );
    if (report.suppressed)
      pdf.paragraph('Counts from 1 to 4 are shown as "fewer than 5" so that no pupil can be identified.', {
        size: 9,
      });
    if (report.empty)
      pdf.paragraph(
        'No pupils were placed in alternative provision this term, so the sections below are empty.',
      );

    pdf.subheading('1. Use of alternative provision');
    pdf.field('Pupils placed', figure(report.usage.pupils));
    pdf.field('Placements', figure(report.usage.placements));
    pdf.field('Hours a week of active placements', figure(report.usage.hoursPerWeek));
    const numeric = (items: { label: string; count: number | string }[]) =>
      items.map((i) => ({
        label: i.label,
        value: typeof i.count === 'number' ? i.count : 2,
        text: figure(i.count),
      }));
    const byType = numeric(report.usage.byType);
    if (byType.length) {
      pdf.paragraph('Placements by type', { bold: true });
      bars(pdf, byType, Math.max(...byType.map((b) => b.value)));
    }
    const byProvider = numeric(report.usage.byProvider);
    if (byProvider.length) {
      pdf.paragraph('Placements by provider', { bold: true });
      bars(pdf, byProvider, Math.max(...byProvider.map((b) => b.value)));
    }

    pdf.subheading('2. Quality of providers');
    pdf.list(report.providerQuality.providers.map((p) => `${p.name}: ${p.status}`));
    pdf.field('QA visits completed', figure(report.providerQuality.qaVisits));
    for (const j of report.providerQuality.qaJudgements)
      pdf.field(`Overall judgement ${j.label}`, figure(j.count));

    pdf.subheading('3. Attendance');
    pdf.field(
      'Attendance at providers',
      report.attendance.attendancePercent === null
        ? 'No sessions recorded'
        : shown(report.attendance.attendancePercent, percent),
    );
    const schools = report.attendance.bySchool.flatMap((s) =>
      typeof s.attendancePercent === 'number' ? [{ school: s.school, percent: s.attendancePercent }] : [],
    );
    if (schools.length) {
      pdf.paragraph('Attendance by school (%)', { bold: true });
      bars(
        pdf,
        schools.map((s) => ({ label: s.school, value: s.percent, text: percent(s.percent) })),
        100,
      );
    }
    const hidden = report.attendance.bySchool.filter((s) => s.attendancePercent === 'fewer than 5');
    if (hidden.length)
      pdf.field('Not shown by school (fewer than 5 pupils)', hidden.map((s) => s.school).join(', '));
    pdf.field(
      'Placements with persistent absence (10% or more)',
      figure(report.attendance.persistentAbsence),
    );
    pdf.field('Placements with severe absence (50% or more)', figure(report.attendance.severeAbsence));
    pdf.field('First-day calls', figure(report.attendance.firstDayCalls));
    pdf.field('Closed on the day', figure(report.attendance.callsClosedOnTheDay));

    pdf.subheading('4. Safeguarding (counts only)');
    if (!report.safeguarding.byKind.length) pdf.paragraph('None reported this term.');
    for (const k of report.safeguarding.byKind) pdf.field(k.label, figure(k.count));
    if (report.safeguarding.toldSameDayPercent !== null)
      pdf.field('School told the same day', shown(report.safeguarding.toldSameDayPercent, percent));

    pdf.subheading('5. Progress against plans');
    pdf.field('Half-termly reviews held', figure(report.progress.reviewsHeld));
    pdf.field(
      'Plan objectives with progress recorded at a review',
      `${figure(report.progress.objectivesReviewed)} of ${figure(report.progress.objectives)}`,
    );
    pdf.field(
      'Reintegration targets with progress recorded at a review',
      `${figure(report.progress.reintegrationTargetsReviewed)} of ${figure(report.progress.reintegrationTargets)}`,
    );
    for (const d of report.progress.decisions) pdf.field(`Decision: ${d.label}`, figure(d.count));

    pdf.subheading('6. Reintegration, transitions and destinations');
    pdf.field('Placements ended', figure(report.transitions.ended));
    for (const o of report.transitions.outcomes) pdf.field(`Outcome: ${o.label}`, figure(o.count));
    for (const d of report.transitions.destinations)
      pdf.field(`Post-16 destination: ${d.label}`, figure(d.count));

    pdf.subheading('7. Pupil and parent voice');
    pdf.field('Answers received', figure(report.voice.responses));
    for (const s of [...report.voice.pupil, ...report.voice.parent].filter((q) => q.average !== null))
      pdf.field(
        s.text,
        shown(s.average!, (n) => `${n} of 5`),
      );

    pdf.subheading('8. Staff training');
    pdf.field('Staff working in or supporting AP', figure(report.training.staff));
    pdf.field('With training in date', figure(report.training.withTrainingInDate));
    pdf.field('Training needs reviewed in the last year', figure(report.training.reviewedInTheYear));

    pdf.subheading('9. Costs against budget');
    const b = report.budget;
    pdf.field(`AP budget ${b.academicYear}`, b.budgetPence === null ? 'not set' : pounds(b.budgetPence));
    pdf.field('Spent to the end of the term', pounds(b.spentToTermEndPence));
    pdf.field('Forecast to the end of the year', pounds(b.forecastPence));
    if (b.schoolsWithoutBudget && b.bySchool.length > 1)
      pdf.field('Schools with no budget set', String(b.schoolsWithoutBudget));
    if (b.bySchool.length > 1)
      pdf.table(
        ['School', 'Budget', 'Spent to term end', 'Forecast'],
        b.bySchool.map((s) => [
          s.school,
          s.budgetPence === null ? 'not set' : pounds(s.budgetPence),
          pounds(s.spentToTermEndPence),
          pounds(s.forecastPence),
        ]),
      );
    pdf.paragraph('Cost per pupil per day, by provider', { bold: true });
    if (!report.costs.length) pdf.paragraph('No placements this term.');
    else
      pdf.table(
        ['Provider', 'Placements with a cost', 'Per pupil per day'],
        report.costs.map((c) => [
          c.provider,
          String(c.placementsWithCost),
          c.averagePerPupilPerDayPence === null
            ? 'no cost recorded'
            : shown(c.averagePerPupilPerDayPence, pounds),
        ]),
      );
  });
}
