import type { Readable } from 'node:stream';
import { LIMITS, type FileRef, type FileUrlResponse } from '@confab/protocol';
import { ApiError } from '../errors.js';
import { FILE_ID_PATTERN } from '../files/local-storage.js';
import { receiveBytes } from '../files/receive.js';
import type { UrlSigner } from '../files/signing.js';
import type { ByteRange, FileStorage } from '../files/storage.js';
import { newId } from '../ids.js';
import type { FileRecord } from '../storage/store.js';
import type { ServiceContext } from './context.js';

export interface FileServiceOptions {
  storage: FileStorage;
  signer: UrlSigner;
  /** Largest upload in bytes. */
  maxFileBytes: number;
  /** Detected types accepted, or null for any. */
  fileTypes: readonly string[] | null;
  /** Lifetime of a signed URL, in seconds. @default LIMITS.fileUrlTtlSeconds */
  urlTtlSeconds?: number;
}

/** An upload as the HTTP layer hands it over: the part's byte stream and the name the client gave. */
export interface IncomingFile {
  stream: Readable & { truncated?: boolean };
  filename: string;
  /** Runs once the bytes are in, before the file is kept; a throw refuses the upload and keeps nothing. */
  beforeCommit?: () => Promise<void>;
}

/** Keeps the name as text: no path, no control characters, at most the limit. Never used as a path. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base === '' ? 'file' : base).slice(0, LIMITS.fileNameMaxLength);
}

export const isInlineImage = (mimeType: string): boolean => (LIMITS.inlineImageTypes as readonly string[]).includes(mimeType);

/** The public reference of a record (no uploader, no time). */
export function fileRef({ uploaderId: _uploader, createdAt: _created, ...ref }: FileRecord): FileRef {
  return ref;
}

const notFound = () => new ApiError('NOT_FOUND', 'No such file');

export function createFileService(context: ServiceContext, options: FileServiceOptions) {
  const { store } = context;
  const { storage, signer } = options;
  const ttl = options.urlTtlSeconds ?? LIMITS.fileUrlTtlSeconds;

  async function readableRecord(fileId: string): Promise<FileRecord> {
    const record = FILE_ID_PATTERN.test(fileId) ? await store.getFile(fileId) : null;
    if (!record) throw notFound();
    return record;
  }

  return {
    maxFileBytes: options.maxFileBytes,

    /**
     * Streams an upload to storage, sniffing its type and hashing it. Over the size limit: TOO_LARGE;
     * a type not allowed: VALIDATION; in both cases, and when the client goes away, nothing is kept.
     */
    async upload(uploaderId: string, incoming: IncomingFile): Promise<FileRef> {
      const received = await receiveBytes(incoming.stream, storage);
      const refuse = async (error: ApiError): Promise<never> => {
        await received.pending.abort();
        throw error;
      };
      if (incoming.stream.truncated || received.size > options.maxFileBytes) {
        return refuse(new ApiError('TOO_LARGE', `A file holds at most ${options.maxFileBytes} bytes`, { maxBytes: options.maxFileBytes }));
      }
      if (options.fileTypes && !options.fileTypes.includes(received.mimeType)) {
        return refuse(new ApiError('VALIDATION', `Files of type ${received.mimeType} are not accepted`, { mimeType: received.mimeType, allowed: options.fileTypes }));
      }
      try {
        await incoming.beforeCommit?.();
      } catch (error) {
        await received.pending.abort();
        throw error;
      }
      const record: FileRecord = {
        id: newId('f'),
        name: cleanFileName(incoming.filename),
        size: received.size,
        mimeType: received.mimeType,
        ...(received.dimensions ?? {}),
        sha256: received.sha256,
        uploaderId,
        createdAt: context.now(),
      };
      try {
        await received.pending.commit(record.id);
        await store.createFile(record);
      } catch (error) {
        await received.pending.abort();
        await storage.remove(record.id);
        throw error;
      }
      return fileRef(record);
    },

    /** A fresh signed URL, for the uploader or a member of a conversation where the file was sent (else NOT_FOUND). */
    async signedUrl(userId: string, fileId: string): Promise<FileUrlResponse> {
      const record = await readableRecord(fileId);
      if (record.uploaderId !== userId && !(await store.isFileSharedWith(fileId, userId))) {
        throw new ApiError('FORBIDDEN', 'This file was not shared with you');
      }
      const exp = Math.floor(context.now() / 1000) + ttl;
      const query = `exp=${exp}&sig=${signer.sign(record.id, exp)}`;
      return { url: `/api/v1/files/${record.id}/content?${query}`, expiresAt: exp * 1000 };
    },

    /** The record behind a signed URL; a bad, forged or expired signature is FORBIDDEN. */
    async openSigned(fileId: string, exp: number, sig: string): Promise<FileRecord> {
      if (!FILE_ID_PATTERN.test(fileId)) throw notFound();
      if (!signer.verify(fileId, exp, sig, context.now())) throw new ApiError('FORBIDDEN', 'The file link is invalid or has expired');
      return readableRecord(fileId);
    },

    read: (fileId: string, range?: ByteRange): Readable => storage.read(fileId, range),

    /** The reference a message of `type` may carry: an existing file uploaded by the sender; images must be images. */
    async refForMessage(senderId: string, fileId: string, type: 'image' | 'file'): Promise<FileRef> {
      const record = await readableRecord(fileId);
      if (record.uploaderId !== senderId) throw new ApiError('FORBIDDEN', 'You can only send files you uploaded');
      if (type === 'image' && !isInlineImage(record.mimeType)) {
        throw new ApiError('VALIDATION', `The file is ${record.mimeType}, not an image`, { fields: [{ field: 'content.fileId', problem: 'is not an image' }] });
      }
      return fileRef(record);
    },
  };
}

export type FileService = ReturnType<typeof createFileService>;
