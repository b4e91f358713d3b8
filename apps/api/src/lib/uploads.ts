/**
 * Reads a multipart upload (form fields, then one file) with a clear answer for each way it goes
 * wrong: not a multipart form, a file over the size limit, more than one file or too many fields, a
 * form that is cut short or has no boundary, text that cannot be stored. Nothing is stored until the
 * whole form has been read. Register @fastify/multipart with the same limits in the routes' plugin.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import { hasUnstorableText, unstorablePaths, unstorableTextError } from './text-safety.ts';

const malformed = (message: string) => new AppError('request.malformed_upload', 400, message);

/** What went wrong while reading the form, in words, from @fastify/multipart's and busboy's errors. */
function uploadProblem(error: unknown): AppError {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE')
    return new AppError(
      'request.too_large',
      413,
      `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, the most Waymark keeps.`,
    );
  if (code === 'FST_FILES_LIMIT') return malformed('Send one file at a time.');
  // Too many fields ends the stream before the plugin's own error arrives: it is answered as a broken form.
  return malformed('The upload was cut short or is not a well-formed multipart form. Try sending it again.');
}

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export const multipartLimits = { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 1000 };

export async function readUpload(request: FastifyRequest) {
  if (!request.isMultipart())
    throw new AppError(
      'request.unsupported_media_type',
      415,
      'Send the document as a multipart form upload.',
    );
  const fields: Record<string, string> = {};
  let file: { filename: string; content: Buffer } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        file = { filename: part.filename, content: await part.toBuffer() };
      } else fields[part.fieldname] = String(part.value);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw uploadProblem(error);
  }
  const unstorable = [
    ...unstorablePaths(fields),
    ...(file && hasUnstorableText(file.filename) ? ['file'] : []),
  ];
  if (unstorable.length) throw unstorableTextError(unstorable);
  if (!file)
    throw new AppError('request.invalid', 400, 'Choose a file to upload.', [
      { path: 'file', message: 'Choose a file to upload' },
    ]);
  return { fields, file };
}

/** Headers for sending a stored file as a download. */
export function attachmentHeaders(file: { filename: string; sha256: string }) {
  return {
    'content-disposition': `attachment; filename="${file.filename.replace(/["\\\r\n]/g, '_')}"`,
    'x-content-sha256': file.sha256,
  };
}
