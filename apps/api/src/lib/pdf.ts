/**
 * Text-selectable PDF documents: A4, the standard Helvetica fonts (no font files to ship), a running
 * header with the document's title, and "page N of M" on every page.
 */
import PDFDocument from 'pdfkit';

export interface PdfWriter {
  doc: PDFKit.PDFDocument;
  heading(text: string): void;
  subheading(text: string): void;
  paragraph(text: string, options?: { bold?: boolean; size?: number }): void;
  /** "Label: value" lines, the label in bold. */
  field(label: string, value: string): void;
  list(items: string[], numbered?: boolean): void;
  /**
   * A table with a bold header row, repeated at the top of each page it runs onto; a row's first cell
   * becomes a link when `links` gives an address for it.
   */
  table(headers: string[], rows: string[][], links?: (string | null)[]): void;
}

/** Columns share the width; the first (the row's name) gets twice the share of the others. */
function drawTable(
  doc: PDFKit.PDFDocument,
  headers: string[],
  rows: string[][],
  links: (string | null)[] = [],
) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const unit = width / (headers.length + 1);
  const widths = headers.map((_, i) => (i === 0 ? unit * 2 : unit));
  const rowOf = (cells: string[], bold: boolean, link: string | null = null) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9.5);
    const height =
      Math.max(...cells.map((c, i) => doc.heightOfString(c || '—', { width: widths[i]! - 6 }))) + 6;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!bold) rowOf(headers, true);
    }
    const y = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      const linked = i === 0 && link !== null;
      doc.fillColor(linked ? '#1a4f8b' : 'black');
      doc.text(cell || '—', x, y + 3, {
        width: widths[i]! - 6,
        align: i === 0 ? 'left' : 'right',
        ...(linked ? { link, underline: true } : {}),
      });
      x += widths[i]!;
    });
    doc.fillColor('black');
    doc
      .moveTo(left, y + height)
      .lineTo(left + width, y + height)
      .lineWidth(bold ? 0.8 : 0.3)
      .strokeColor('#777777')
      .stroke();
    doc.x = left;
    doc.y = y + height;
  };
  rowOf(headers, true);
  rows.forEach((row, i) => {
    rowOf(row, false, links[i] ?? null);
  });
  doc.moveDown(0.5);
}

export async function renderPdf(
  meta: { title: string; runningHeader: string },
  write: (pdf: PdfWriter) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    info: { Title: meta.title, Creator: 'Waymark' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const pdf: PdfWriter = {
    doc,
    heading: (text) => doc.font('Helvetica-Bold').fontSize(16).text(text).moveDown(0.5),
    subheading: (text) => doc.moveDown(0.5).font('Helvetica-Bold').fontSize(12.5).text(text).moveDown(0.25),
    paragraph: (text, options = {}) =>
      doc
        .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(options.size ?? 10.5)
        .text(text)
        .moveDown(0.3),
    field: (label, value) => {
      doc
        .font('Helvetica-Bold')
        .fontSize(10.5)
        .text(`${label}: `, { continued: true })
        .font('Helvetica')
        .text(value || '—');
    },
    list: (items, numbered = false) => {
      doc
        .font('Helvetica')
        .fontSize(10.5)
        .list(items, { listType: numbered ? 'numbered' : 'bullet', bulletRadius: 2 })
        .moveDown(0.3);
    },
    table: (headers, rows, links) => drawTable(doc, headers, rows, links),
  };
  write(pdf);

  // Header and page numbers go on at the end, when the number of pages is known.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins, width, height } = doc.page;
    doc.page.margins = { ...margins, top: 0, bottom: 0 };
    doc.font('Helvetica').fontSize(8.5).fillColor('#444444');
    doc.text(meta.runningHeader, margins.left, 30, {
      width: width - margins.left - margins.right,
      lineBreak: false,
    });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, margins.left, height - 40, {
      width: width - margins.left - margins.right,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins = margins;
    doc.fillColor('black');
  }
  doc.end();
  return finished;
}
