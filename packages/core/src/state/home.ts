import type { Conversation, Message } from '@confab/protocol';
import { mentionSeqsAfter } from './mentions.js';

/** One row of the home list: a conversation's last message, cursors and unread count. */
export type HomeRow = Pick<Conversation, 'id' | 'lastMessage' | 'lastSeq' | 'readSeq' | 'unread' | 'activeAt' | 'mentionSeqs'>;

/** What `buildHomeList` needs to know of a conversation besides its messages. */
export type HomeConversation = Pick<Conversation, 'id' | 'readSeq' | 'activeAt'>;

/** Unread derived from the cursors; never negative. Own messages are covered by `readSeq`. */
export function unreadCount(lastSeq: number, readSeq: number): number {
  return Math.max(0, lastSeq - readSeq);
}

/** What list order looks at: pinned rows (conversations the user pinned) first. */
export type OrderKey = Pick<HomeRow, 'id' | 'activeAt'> & { pinned?: boolean };

/** List order: pinned first, then `activeAt` newest first, ties by id so the order is stable. */
export function compareActivity(a: OrderKey, b: OrderKey): number {
  if (Boolean(a.pinned) !== Boolean(b.pinned)) return a.pinned ? -1 : 1;
  if (a.activeAt !== b.activeAt) return b.activeAt - a.activeAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Whether a message counts for the preview and activity: a `hidden` place (deleted for us, or kept from us by a block) does not. */
const shows = (message: Message): boolean => message.type !== 'hidden';

/**
 * Applies one stored message to a row: newest message and `lastSeq` by max, the sender's own
 * message advances `readSeq` (the server does the same), unread derived, a mention of us from
 * someone else noted in `mentionSeqs`. A `hidden` one moves `lastSeq` only. Returns the same row when
 * nothing changes, so replays are free.
 */
export function applyMessageToRow<T extends HomeRow>(row: T, message: Message, meId: string | undefined): T {
  const lastSeq = Math.max(row.lastSeq, message.seq);
  const readSeq = message.senderId === meId ? Math.max(row.readSeq, message.seq) : row.readSeq;
  const lastMessage = !shows(message) || (row.lastMessage && row.lastMessage.seq >= message.seq) ? row.lastMessage : message;
  const activeAt = shows(message) ? Math.max(row.activeAt, message.createdAt) : row.activeAt;
  const mentionSeqs = mentionSeqsAfter(row.mentionSeqs, message, meId, readSeq);
  if (lastSeq === row.lastSeq && readSeq === row.readSeq && lastMessage === row.lastMessage && activeAt === row.activeAt && mentionSeqs === row.mentionSeqs) {
    return row;
  }
  return { ...row, lastSeq, readSeq, lastMessage, activeAt, unread: unreadCount(lastSeq, readSeq), mentionSeqs };
}

/**
 * Puts `row` (the new version of `list[index]`) where activity order wants it. Scans from the
 * front, so moving a row to the top costs O(old position). `index` -1 inserts a new row.
 */
export function placeRow<T extends HomeRow>(list: readonly T[], index: number, row: T): T[] {
  const rest = index < 0 ? [...list] : [...list.slice(0, index), ...list.slice(index + 1)];
  let at = 0;
  while (at < rest.length && compareActivity(rest[at] as T, row) < 0) at++;
  rest.splice(at, 0, row);
  return rest;
}

/**
 * Rows by conversation id, kept for the newest list of each chain of `applyMessageToList` calls:
 * the map moves from a list to the list made from it, so finding a row costs one lookup instead of
 * a scan comparing ids. Another list (or an older one applied to again) builds its own once.
 */
const rowsByList = new WeakMap<readonly HomeRow[], Map<string, HomeRow>>();

function rowsById(list: readonly HomeRow[]): Map<string, HomeRow> {
  let rows = rowsByList.get(list);
  if (!rows) {
    rows = new Map();
    for (const row of list) rows.set(row.id, row);
    rowsByList.set(list, rows);
  }
  return rows;
}

/** Hands the id lookup of `list` over to `result`, which differs from it in the `changed` rows only. */
function passRows(list: readonly HomeRow[], result: readonly HomeRow[], changed: readonly HomeRow[]): void {
  const rows = rowsByList.get(list);
  if (!rows) return;
  for (const row of changed) rows.set(row.id, row);
  rowsByList.delete(list);
  rowsByList.set(result, rows);
}

/** The index of the row with `id`, or -1: one map lookup (built once per list chain) and a pointer scan. */
export function indexOfRow(list: readonly HomeRow[], id: string): number {
  const row = rowsById(list).get(id);
  return row ? list.indexOf(row) : -1;
}

/** A copy of `list` with `list[index]` replaced by `row` (the same conversation); the id lookup carries over. */
export function replaceRow<T extends HomeRow>(list: readonly T[], index: number, row: T): T[] {
  const result = list.slice();
  result[index] = row;
  passRows(list, result, [row]);
  return result;
}

/**
 * The incremental update of a sorted home list for one message: updates its conversation's row
 * and moves it to its place. Returns the same list when nothing changes or the conversation is
 * not in the list (it is never invented here). A map lookup finds the row, and one copy of the
 * list (block copies) moves it: the new list must be a new array for whoever holds the old one.
 */
export function applyMessageToList<T extends HomeRow>(list: readonly T[], message: Message, meId: string | undefined): readonly T[] {
  const rows = rowsById(list);
  const row = rows.get(message.conversationId) as T | undefined;
  if (!row) return list;
  const next = applyMessageToRow(row, message, meId);
  if (next === row) return list;
  const index = list.indexOf(row);
  // The usual case, a newer message: the row only moves up. Find its place above, then copy once.
  let at = 0;
  while (at < index && compareActivity(list[at] as T, next) < 0) at++;
  let result: T[];
  if (at === index && index + 1 < list.length && compareActivity(next, list[index + 1] as T) > 0) {
    result = placeRow(list, index, next);
  } else {
    // Block moves inside the engine: far cheaper than shifting the rows one by one in script.
    result = list.slice();
    result.splice(index, 1);
    result.splice(at, 0, next);
  }
  passRows(list, result, [next]);
  return result;
}

/**
 * `list` without the `rows` in it. They sit in `list` in activity order, so one scan comparing
 * references finds them all and the rest is copied in blocks; a hash lookup per row is far slower.
 */
function withoutRows<T extends HomeRow>(list: readonly T[], rows: ReadonlySet<T>): T[] {
  const removed = [...rows].sort(compareActivity);
  const pieces: T[][] = [];
  let from = 0;
  let found = 0;
  for (let i = 0; i < list.length && found < removed.length; i++) {
    if (list[i] !== removed[found]) continue;
    pieces.push(list.slice(from, i));
    from = i + 1;
    found++;
  }
  // A list out of activity order: fall back to asking about every row.
  if (found < removed.length) return list.filter((row) => !rows.has(row));
  pieces.push(list.slice(from));
  return ([] as T[]).concat(...pieces);
}

/**
 * Applies many messages (a burst, a queue flushed at once) to a sorted home list with one copy:
 * O(list + messages + moved·log moved) instead of one list copy per message, so the cost per
 * message falls with the batch. Same result as applying them one by one with `applyMessageToList`.
 * Rows are found through the same id lookup.
 */
export function applyMessagesToList<T extends HomeRow>(list: readonly T[], messages: readonly Message[], meId: string | undefined): readonly T[] {
  if (messages.length === 1) return applyMessageToList(list, messages[0] as Message, meId);
  const rows = rowsById(list) as Map<string, T>;
  // The changed rows by id, and the versions in `list` they replace.
  const changed = new Map<string, T>();
  const replaced = new Set<T>();
  for (const message of messages) {
    const row = changed.get(message.conversationId) ?? rows.get(message.conversationId);
    if (!row) continue;
    const next = applyMessageToRow(row, message, meId);
    if (next === row) continue;
    if (!changed.has(next.id)) replaced.add(row);
    changed.set(next.id, next);
  }
  if (changed.size === 0) return list;
  const moved = [...changed.values()].sort(compareActivity);
  const kept = withoutRows(list, replaced);
  let result: T[];
  if (kept.length === 0 || compareActivity(moved[moved.length - 1] as T, kept[0] as T) < 0) {
    // The usual case: every changed row is now newer than the rest.
    result = moved.concat(kept);
  } else {
    // Merge the moved rows into the kept ones, both in activity order.
    result = [];
    let k = 0;
    for (const row of moved) {
      while (k < kept.length && compareActivity(kept[k] as T, row) < 0) result.push(kept[k++] as T);
      result.push(row);
    }
    while (k < kept.length) result.push(kept[k++] as T);
  }
  passRows(list, result, moved);
  return result;
}

/**
 * Builds the home list from a log of messages in one pass over the messages (O(n) plus sorting
 * the conversations): per conversation the last message, `lastSeq`, the read cursor advanced by
 * the user's own messages, and `unread = max(0, lastSeq - readSeq)`. Messages of conversations
 * not in `conversations` are skipped. Sorted by activity, newest first.
 *
 * @example
 * buildHomeList(messages, [{ id: 'c1', readSeq: 3, activeAt: 0 }], me.id)
 */
export function buildHomeList(
  messages: readonly Message[],
  conversations: readonly HomeConversation[],
  meId: string,
): HomeRow[] {
  // A prototype-free object as the id index: its lookups beat a Map's on this hot loop. `shownSeq` is
  // the seq of `lastMessage`, kept beside it so the loop reads numbers only.
  const byId: Record<string, HomeRow & { shownSeq: number }> = Object.create(null);
  const rows: (HomeRow & { shownSeq: number })[] = [];
  for (const { id, readSeq, activeAt } of conversations) {
    const row = { id, lastMessage: null, lastSeq: 0, readSeq, unread: 0, activeAt, shownSeq: 0 };
    const earlier = byId[id];
    // A repeated id: the later entry wins, in the earlier one's place (as a Map's `set` would).
    if (earlier === undefined) rows.push((byId[id] = row));
    else Object.assign(earlier, row);
  }
  for (const message of messages) {
    const row = byId[message.conversationId];
    if (row === undefined) continue;
    // Mutating our own fresh rows in place keeps the pass allocation-free.
    const seq = message.seq;
    if (seq > row.lastSeq) row.lastSeq = seq;
    if (seq > row.readSeq && message.senderId === meId) row.readSeq = seq;
    if (!shows(message)) continue;
    if (seq > row.shownSeq) {
      row.shownSeq = seq;
      row.lastMessage = message;
    }
    if (message.createdAt > row.activeAt) row.activeAt = message.createdAt;
  }
  return rows
    .map(({ id, lastMessage, lastSeq, readSeq, activeAt }): HomeRow => ({ id, lastMessage, lastSeq, readSeq, unread: unreadCount(lastSeq, readSeq), activeAt }))
    .sort(compareActivity);
}
