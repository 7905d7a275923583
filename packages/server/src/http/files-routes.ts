import multipart from '@fastify/multipart';
import { LIMITS, type ErrorBody, type FileUrlResponse, type UploadResponse } from '@confab/protocol';
import { ApiError } from '../errors.js';
import { parseRange } from '../files/range.js';
import { IdParamsSchema, SignedFileQuerySchema } from '../schemas.js';
import type { Services } from '../services/index.js';
import { fileHeaders } from './file-headers.js';
import { onlyFilePart, uploadError } from './upload-parts.js';
import type { App } from './types.js';

/** POST /files (multipart, one part `file`) and GET /files/:id/url; needs the auth hook. */
export async function registerFileRoutes(app: App, { files }: Services): Promise<void> {
  // One more part than allowed reaches the handler, so an extra part is refused by name, not dropped.
  const parts = LIMITS.filesPerUpload + 1;
  await app.register(multipart, { limits: { fileSize: files.maxFileBytes, files: parts, fields: parts, parts } });

  app.post('/files', async (request, reply): Promise<UploadResponse> => {
    try {
      const iterator = request.parts()[Symbol.asyncIterator]();
      const part = onlyFilePart((await iterator.next()).value);
      const file = await files.upload(request.userId, {
        stream: part.file,
        filename: part.filename,
        beforeCommit: async () => {
          if (!(await iterator.next()).done) throw new ApiError('VALIDATION', 'An upload holds exactly one part, a file named "file"');
        },
      });
      reply.status(201);
      return { file };
    } catch (error) {
      throw uploadError(error);
    }
  });

  app.get('/files/:id/url', { schema: { params: IdParamsSchema } }, async (request): Promise<FileUrlResponse> =>
    files.signedUrl(request.userId, request.params.id),
  );
}

/**
 * GET /files/:id/content?exp=&sig=: the bytes behind a signed URL (no token: `<img src>` cannot send
 * one). Forged or expired signatures are FORBIDDEN, unknown or malformed ids NOT_FOUND. One byte
 * range is honoured (206); an unsatisfiable one is 416.
 */
export function registerFileContentRoute(app: App, { files }: Services, now: () => number): void {
  app.get(
    '/files/:id/content',
    { schema: { params: IdParamsSchema, querystring: SignedFileQuerySchema } },
    async (request, reply) => {
      const { id } = request.params;
      const record = await files.openSigned(id, request.query.exp, request.query.sig);
      reply.headers(fileHeaders(record, request.query.exp * 1000, now()));
      const range = parseRange(request.headers.range, record.size);
      if (range === null) {
        const body: ErrorBody = { error: { code: 'VALIDATION', message: `The range is outside the file's ${record.size} bytes` } };
        return reply.status(416).header('content-range', `bytes */${record.size}`).type('application/json').send(body);
      }
      if (range === undefined) return reply.header('content-length', record.size).send(files.read(id));
      return reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${record.size}`)
        .header('content-length', range.end - range.start + 1)
        .send(files.read(id, range));
    },
  );
}
