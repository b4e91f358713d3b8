/** The QA visit report as a PDF, to keep on file and to send to the provider. */
import { dateInWords, qaJudgementLabels } from '@waymark/domain';
import { renderPdf } from '../../lib/pdf.ts';
import type { getVisit } from './qa.usecases.ts';

type Visit = Awaited<ReturnType<typeof getVisit>>;

export function renderQaVisitPdf(visit: Visit): Promise<Buffer> {
  return renderPdf(
    {
      title: `QA visit to ${visit.providerName}`,
      runningHeader: `Appendix 5 QA visit · ${visit.providerName} · ${visit.schoolName} · ${dateInWords(visit.visitOn)}`,
    },
    (pdf) => {
      pdf.heading('Ongoing Quality Assurance Monitoring of Teaching & Learning');
      pdf.field('Provider', visit.providerName);
      pdf.field('School', visit.schoolName);
      pdf.field('Date of visit', dateInWords(visit.visitOn, { weekday: true }));
      pdf.field('Visited by', visit.visitors || 'Not recorded');
      pdf.field(
        'Status',
        visit.status === 'completed'
          ? `Completed by ${visit.completedByName ?? ''}`
          : 'Draft: not yet completed',
      );
      pdf.field(
        'Overall judgement',
        visit.overall ? qaJudgementLabels[visit.overall as 'strong'] : 'Not judged',
      );
      for (const area of visit.template.areas) {
        pdf.subheading(area.title);
        for (const line of area.lines) {
          const answer = visit.answers[line.id];
          pdf.paragraph(line.text, { bold: true });
          pdf.field('Judgement', answer?.judgement ? qaJudgementLabels[answer.judgement] : 'Not judged');
          if (answer?.comment) pdf.field('Comments & notes', answer.comment);
        }
      }
      if (visit.pupilsSeen.length) {
        pdf.subheading('Pupils seen');
        for (const seen of visit.pupilsSeen) {
          pdf.paragraph(seen.pupilName, { bold: true });
          if (seen.learningObservation) pdf.field('Learning observation', seen.learningObservation);
          if (seen.workScrutiny) pdf.field('Work scrutiny', seen.workScrutiny);
          if (seen.welfareCheck) pdf.field('Welfare check', seen.welfareCheck);
        }
      }
      pdf.subheading('Actions agreed');
      if (!visit.actions.length) pdf.paragraph('None.');
      for (const a of visit.actions)
        pdf.paragraph(
          `${a.action}: ${a.owner}, by ${dateInWords(a.dueOn)}${a.doneOn ? ` (done ${dateInWords(a.doneOn)})` : ''}${a.carried ? ' (from an earlier visit)' : ''}`,
        );
    },
  );
}
