import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromBuffer } from 'file-type';
import { imageDimensions, type ImageDimensions } from './image-size.js';
import type { FileStorage, PendingObject } from './storage.js';

/** Bytes kept from the start of an upload for type sniffing and image headers; the rest streams through. */
export const HEAD_BYTES = 128 * 1024;

/** What was learned from the bytes while they streamed to storage. */
export interface ReceivedBytes {
  pending: PendingObject;
  size: number;
  sha256: string;
  /** Detected from the bytes; `application/octet-stream` when unknown. */
  mimeType: string;
  dimensions: ImageDimensions | null;
}

/** Hashes and counts every chunk and keeps the first {@link HEAD_BYTES}, passing the bytes on unchanged. */
function inspector() {
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      if (headLength < HEAD_BYTES) {
        const part = chunk.subarray(0, HEAD_BYTES - headLength);
        head.push(Buffer.from(part));
        headLength += part.length;
      }
      callback(null, chunk);
    },
  });
  return { stream, result: () => ({ size, sha256: hash.digest('hex'), head: Buffer.concat(head) }) };
}

/**
 * Streams `source` into a new storage object while hashing it and sniffing its type. On any
 * failure (a size limit hit, the client gone half-way) the partial object is removed and the error
 * rethrown; on success the caller commits or aborts `pending`.
 */
export async function receiveBytes(source: Readable, storage: FileStorage): Promise<ReceivedBytes> {
  const pending = await storage.create();
  const inspect = inspector();
  try {
    await pipeline(source, inspect.stream, pending.stream);
  } catch (error) {
    await pending.abort();
    throw error;
  }
  const { size, sha256, head } = inspect.result();
  const mimeType = (await fileTypeFromBuffer(head))?.mime ?? 'application/octet-stream';
  return { pending, size, sha256, mimeType, dimensions: imageDimensions(mimeType, head) };
}
