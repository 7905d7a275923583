import { randomFillSync } from 'node:crypto';

export type IdPrefix = 'u' | 'c' | 'm' | 'r' | 'f';

const ID_BYTES = 12;
/** Random bytes drawn in blocks: one system call per 341 ids instead of one per id (ids are made per message). */
const pool = Buffer.alloc(ID_BYTES * 341);
let offset = pool.length;

function randomPart(bytes: number): string {
  if (offset + bytes > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const part = pool.toString('base64url', offset, offset + bytes);
  offset += bytes;
  return part;
}

/** A random, URL-safe id with a type prefix, e.g. `u_3q2Xk...`. 96 bits of randomness. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomPart(ID_BYTES)}`;
}

/**
 * A message id: `m_`, the time in milliseconds as 12 hex digits, then 72 random bits, e.g.
 * `m_019ae3c1f2a0Qx3...`. Ids made later sort after earlier ones (as text, byte by byte), so each new
 * message lands at the right edge of the messages' primary-key index instead of on a random page: a
 * group commit then writes a page or two of that index rather than one page per message. The time is
 * the message's own `createdAt`, which its recipients see anyway.
 */
export function newMessageId(now: number): string {
  return `m_${Math.max(0, Math.floor(now)).toString(16).padStart(12, '0')}${randomPart(9)}`;
}

/** The id and `createdAt` of a new message, from one reading of the clock (the id begins with that time). */
export function newMessageStamp(now: number): { id: string; createdAt: number } {
  return { id: newMessageId(now), createdAt: now };
}
