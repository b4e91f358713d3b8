/** The completed Appendix 1 audit as a PDF, to keep on file and to send to the provider. */
import { momentInWords } from '@waymark/domain';
import { renderPdf } from '../../lib/pdf.ts';
import type { getAudit } from './audits.usecases.ts';

type AuditView = Awaited<ReturnType<typeof getAudit>>;

export function renderAuditPdf(audit: AuditView): Promise<Buffer> {
  return renderPdf(
    {
      title: `Audit of ${audit.providerName}`,
      runningHeader: `${audit.template.title} · ${audit.providerName} · form version ${audit.templateVersion}`,
    },
    (pdf) => {
      pdf.heading(audit.template.title);
      pdf.field('Name of provider', audit.providerName);
      pdf.field('Date & time of visit', momentInWords(audit.visitedAt, { weekday: true }));
      pdf.field('Visit / Audit completed by', audit.auditorName);
      pdf.field(
        'Status',
        audit.status === 'submitted'
          ? `Submitted ${audit.submittedAt ? momentInWords(audit.submittedAt) : ''}`
          : 'Draft: not yet submitted',
      );
      pdf.field(
        'Outcome',
        audit.suitable === null ? 'Not decided' : audit.suitable ? 'Suitable' : 'Not suitable',
      );
      pdf.paragraph(audit.template.policyReference, { size: 9 });
      for (const section of audit.template.sections) {
        pdf.subheading(section.title);
        if (section.guidance) pdf.paragraph(section.guidance, { size: 9.5 });
        for (const question of section.questions) {
          const answer = audit.answers[question.id];
          pdf.paragraph(question.text, { bold: true });
          pdf.field(
            'Answer',
            answer?.answer === 'yes' ? 'Yes' : answer?.answer === 'no' ? 'No' : 'Not answered',
          );
          if (answer?.answer === 'yes') {
            for (const field of question.fields) {
              const value = answer.fields[field.id];
              pdf.field(field.label, Array.isArray(value) ? value.join(', ') : (value ?? ''));
            }
          }
          if (answer?.comment) pdf.field('Comment', answer.comment);
          pdf.doc.moveDown(0.4);
        }
      }
    },
  );
}
