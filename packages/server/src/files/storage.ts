import type { Readable, Writable } from 'node:stream';

/** A byte range, both ends inclusive. */
export interface ByteRange {
  start: number;
  end: number;
}

/** An object being written: stream the bytes in, then commit it under an id, or abort. */
export interface PendingObject {
  readonly stream: Writable;
  /** Makes the written bytes the object `id` (atomically: readers see all of it or nothing). */
  commit(id: string): Promise<void>;
  /** Throws the written bytes away. Safe to call twice and after a failed write. */
  abort(): Promise<void>;
}

/**
 * Where file bytes live. Objects are immutable and addressed by the server-made file id, so an
 * S3-compatible store (multipart upload, then a key per id) can implement the same contract.
 */
export interface FileStorage {
  /** Starts a new object; nothing is visible under any id until `commit`. */
  create(): Promise<PendingObject>;
  /** The bytes of object `id` (optionally a range). */
  read(id: string, range?: ByteRange): Readable;
  /** Whether object `id` exists. */
  exists(id: string): Promise<boolean>;
  remove(id: string): Promise<void>;
}
