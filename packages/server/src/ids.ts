import { randomFillSync } from 'node:crypto';

export type IdPrefix = 'u' | 'c' | 'm' | 'r' | 'f';

const ID_BYTES = 12;
/** Random bytes drawn in blocks: one system call per 341 ids instead of one per id (ids are made per message). */
const pool = Buffer.alloc(ID_BYTES * 341);
let offset = pool.length;

/** A random, URL-safe id with a type prefix, e.g. `m_3q2Xk...`. 96 bits of randomness. */
export function newId(prefix: IdPrefix): string {
  if (offset + ID_BYTES > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const id = pool.toString('base64url', offset, offset + ID_BYTES);
  offset += ID_BYTES;
  return `${prefix}_${id}`;
}
