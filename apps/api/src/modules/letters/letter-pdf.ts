/** The safeguarding assurance letter as a PDF: pre-filled for signing, or as the provider signed it. */
import { dateInWords, letterChecks, letterOpening, letterUndertakings } from '@waymark/domain';
import { renderPdf } from '../../lib/pdf.ts';
import type { SignedLetterContent } from './letters.table.ts';

export function renderLetterPdf(letter: {
  schoolName: string;
  providerName: string;
  headteacherName: string;
  content: SignedLetterContent | null;
  contentSha256: string | null;
}) {
  const c = letter.content;
  // Before it is signed online, the printed letter leaves lines to complete by hand.
  const blank = '________________________________';
  return renderPdf(
    {
      title: 'Safeguarding Assurance Letter',
      runningHeader: `Safeguarding assurance letter · ${letter.providerName} to ${letter.schoolName}`,
    },
    (pdf) => {
      pdf.heading('Safeguarding Assurance Letter');
      pdf.paragraph('(To be completed by the Alternative Provision Provider)', { size: 9.5 });
      pdf.field('To', letter.schoolName);
      pdf.field('From', letter.providerName);
      pdf.field('Date', c?.signedOn ? dateInWords(c.signedOn, { long: true }) : blank);
      pdf.doc.moveDown(0.6);
      pdf.paragraph(`Dear ${letter.headteacherName},`);
      pdf.paragraph(letterOpening(letter.schoolName));
      pdf.paragraph('For each member of staff, we confirm the completion and verification of:');
      pdf.list([...letterChecks], true);
      pdf.paragraph('We also confirm:');
      pdf.list([...letterUndertakings]);
      pdf.paragraph('Yours sincerely,');
      pdf.field('Name', c?.name ?? blank);
      pdf.field('Role/Position', c?.role ?? blank);
      pdf.field('Organisation Name', c?.organisation ?? letter.providerName);
      pdf.field('Signature', c ? `${c.signature} (signed online in Waymark)` : blank);
      if (letter.contentSha256)
        pdf.paragraph(`Record of the signed letter, SHA-256 ${letter.contentSha256}`, { size: 8 });
    },
  );
}
