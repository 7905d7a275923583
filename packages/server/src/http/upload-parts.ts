import type { Multipart, MultipartFile } from '@fastify/multipart';
import { ApiError, isApiError } from '../errors.js';
import { refuseUnstorableText } from '../validation.js';

const ONE_FILE = 'An upload holds exactly one part, a file named "file"';

/** The multipart library's own refusals, by code, as wire errors. */
const LIBRARY_ERRORS: Readonly<Record<string, () => ApiError>> = {
  FST_PARTS_LIMIT: () => new ApiError('VALIDATION', ONE_FILE, { fields: [{ field: 'file', problem: 'more than one part' }] }),
  FST_FILES_LIMIT: () => new ApiError('VALIDATION', ONE_FILE, { fields: [{ field: 'file', problem: 'more than one file' }] }),
  FST_FIELDS_LIMIT: () => new ApiError('VALIDATION', ONE_FILE, { fields: [{ field: 'file', problem: 'text fields are not accepted' }] }),
  FST_INVALID_MULTIPART_CONTENT_TYPE: () => new ApiError('VALIDATION', 'An upload is sent as multipart/form-data'),
  FST_PROTO_VIOLATION: () => new ApiError('VALIDATION', 'The multipart body is malformed'),
};

/** Errors the multipart parser raises for bodies that are not well-formed, or cut off by the client. */
const MALFORMED = /boundary|multipart|needle|unexpected end|malformed|aborted|ECONNRESET/i;

/**
 * Maps what reading a multipart body can throw to a coded error: the client's mistakes (malformed
 * body, extra or misnamed parts, a body cut off half-way) are VALIDATION, never INTERNAL.
 */
export function uploadError(error: unknown): unknown {
  if (isApiError(error)) return error;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && LIBRARY_ERRORS[code]) return LIBRARY_ERRORS[code]();
  if (typeof code === 'string' && code.startsWith('FST_')) return error;
  if (code === 'ECONNRESET' || (typeof message === 'string' && MALFORMED.test(message))) {
    return new ApiError('VALIDATION', 'The multipart body is malformed or was cut off');
  }
  return error;
}

/** The one file part of an upload; anything else (a text field, another name, no file name) is VALIDATION. */
export function onlyFilePart(part: Multipart | undefined): MultipartFile {
  if (!part) throw new ApiError('VALIDATION', 'The upload holds no file part', { fields: [{ field: 'file', problem: 'is missing' }] });
  if (part.type !== 'file' || part.fieldname !== 'file' || !part.filename) {
    throw new ApiError('VALIDATION', ONE_FILE, { fields: [{ field: part.fieldname, problem: part.type === 'file' ? 'is not a file named "file" with a file name' : 'is a text field' }] });
  }
  refuseUnstorableText({ filename: part.filename }, 'upload');
  return part;
}
