import type { ReadCursorResult } from './store.js';

/**
 * Where a read to `seq` leaves a cursor at `readSeq`: max(old, min(seq, lastSeq)), stepped back over
 * the messages a block kept from the reader (`keptSeqs`, those after `readSeq`) at the end of that
 * range, so the stored cursor, which the peer sees as a receipt, never passes a message the reader
 * did not get unless one they did get follows it. Shared by both backends. @internal
 */
export function readCursorAfter(readSeq: number, lastSeq: number, seq: number, keptSeqs: readonly number[]): ReadCursorResult {
  const kept = new Set(keptSeqs);
  let target = Math.min(seq, lastSeq);
  while (target > readSeq && kept.has(target)) target--;
  const next = Math.max(readSeq, target);
  return { readSeq: next, lastSeq, moved: next > readSeq, skipped: keptSeqs.filter((kept) => kept > next).length };
}
