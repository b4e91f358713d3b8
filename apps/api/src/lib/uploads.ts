/**
 * Reads a multipart upload (form fields, then one file) with a clear answer for the two ways it goes
 * wrong: not a multipart form, or a file over the size limit. Register @fastify/multipart with the
 * same limit in the routes' plugin.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

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
      if (part.type === 'file') file = { filename: part.filename, content: await part.toBuffer() };
      else fields[part.fieldname] = String(part.value);
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(
        'request.too_large',
        413,
        `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, the most Waymark keeps.`,
      );
    throw error;
  }
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
