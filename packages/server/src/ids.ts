import { randomBytes } from 'node:crypto';

export type IdPrefix = 'u' | 'c' | 'm' | 'r' | 'f';

/** A random, URL-safe id with a type prefix, e.g. `m_3q2Xk...`. 96 bits of randomness. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
