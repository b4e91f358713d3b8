/**
 * What kinds of file Waymark keeps, and a check of each upload by its content rather than its name:
 * a file called "letter.pdf" must start like a PDF. Keeps executables and disguised files out.
 */
export const allowedFileTypes = {
  'application/pdf': { label: 'PDF', extensions: ['pdf'] },
  'image/png': { label: 'PNG image', extensions: ['png'] },
  'image/jpeg': { label: 'JPEG image', extensions: ['jpg', 'jpeg'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    label: 'Word document',
    extensions: ['docx'],
  },
} as const;

export type AllowedFileType = keyof typeof allowedFileTypes;

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** The file's real type from its first bytes, or null when it is none Waymark accepts. */
export function sniffFileType(bytes: Uint8Array): AllowedFileType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // A .docx is a zip archive holding word/document.xml.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && Buffer.from(bytes).includes('word/')) {
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  }
  return null;
}

/** Why an upload is refused, in words for the person uploading it; null when it is fine. */
export function checkUpload(
  filename: string,
  bytes: Uint8Array,
): { type: AllowedFileType } | { problem: string } {
  if (bytes.length === 0) return { problem: 'The file is empty' };
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  const declared = (
    Object.entries(allowedFileTypes) as [AllowedFileType, (typeof allowedFileTypes)[AllowedFileType]][]
  ).find(([, t]) => (t.extensions as readonly string[]).includes(extension));
  const actual = sniffFileType(bytes);
  const accepted = Object.values(allowedFileTypes)
    .map((t) => t.label)
    .join(', ');
  if (!declared) return { problem: `Waymark keeps ${accepted} files; “${filename}” is not one of those` };
  if (actual !== declared[0])
    return { problem: `“${filename}” is named as a ${declared[1].label} but its content is not one` };
  return { type: actual };
}
