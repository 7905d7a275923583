import type { Conversation, Message } from '@confab/protocol';

/** One row of the home list: a conversation's last message, cursors and unread count. */
export type HomeRow = Pick<Conversation, 'id' | 'lastMessage' | 'lastSeq' | 'readSeq' | 'unread' | 'activeAt'>;

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

/**
 * Applies one stored message to a row: newest message and `lastSeq` by max, the sender's own
 * message advances `readSeq` (the server does the same), unread derived. Returns the same row
 * when nothing changes, so replays are free.
 */
export function applyMessageToRow<T extends HomeRow>(row: T, message: Message, meId: string | undefined): T {
  const lastSeq = Math.max(row.lastSeq, message.seq);
  const readSeq = message.senderId === meId ? Math.max(row.readSeq, message.seq) : row.readSeq;
  const lastMessage = row.lastMessage && row.lastMessage.seq >= message.seq ? row.lastMessage : message;
  const activeAt = Math.max(row.activeAt, message.createdAt);
  if (lastSeq === row.lastSeq && readSeq === row.readSeq && lastMessage === row.lastMessage && activeAt === row.activeAt) {
    return row;
  }
  return { ...row, lastSeq, readSeq, lastMessage, activeAt, unread: unreadCount(lastSeq, readSeq) };
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
 * The incremental update of a sorted home list for one message: updates its conversation's row
 * and moves it to its place. Returns the same list when nothing changes or the conversation is
 * not in the list (it is never invented here).
 */
export function applyMessageToList<T extends HomeRow>(list: readonly T[], message: Message, meId: string | undefined): readonly T[] {
  const index = list.findIndex((row) => row.id === message.conversationId);
  if (index < 0) return list;
  const row = list[index] as T;
  const next = applyMessageToRow(row, message, meId);
  return next === row ? list : placeRow(list, index, next);
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
  const rows = new Map<string, HomeRow>();
  for (const { id, readSeq, activeAt } of conversations) {
    rows.set(id, { id, lastMessage: null, lastSeq: 0, readSeq, unread: 0, activeAt });
  }
  for (const message of messages) {
    const row = rows.get(message.conversationId);
    if (!row) continue;
    // Mutating our own fresh rows in place keeps the pass allocation-free.
    if (message.seq > row.lastSeq) {
      row.lastSeq = message.seq;
      row.lastMessage = message;
    }
    if (message.senderId === meId && message.seq > row.readSeq) row.readSeq = message.seq;
    if (message.createdAt > row.activeAt) row.activeAt = message.createdAt;
  }
  const list = [...rows.values()];
  for (const row of list) row.unread = unreadCount(row.lastSeq, row.readSeq);
  return list.sort(compareActivity);
}
