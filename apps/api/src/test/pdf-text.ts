/**
 * The text shown on each page of a PDF made with the standard fonts: inflates each content stream and
 * decodes its text operators. Enough to check a generated document says what it should.
 */
import { inflateSync } from 'node:zlib';

export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const pieces: string[] = [];
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let match = streams.exec(source); match; match = streams.exec(source)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
    } catch {
      content = match[1]!;
    }
    // Each text-showing operation, its hex strings joined: one line of the page.
    for (const operation of content.match(/\[[^\]]*\]\s*TJ|<[0-9a-fA-F]+>\s*Tj/g) ?? []) {
      const hex = operation.match(/<([0-9a-fA-F]+)>/g) ?? [];
      pieces.push(hex.map((h) => Buffer.from(h.slice(1, -1), 'hex').toString('latin1')).join(''));
    }
  }
  return pieces.join('\n');
}
