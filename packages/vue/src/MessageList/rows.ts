import type { Message } from '@confab/protocol';
import type { TimelineMessage } from '@confab/core';
import { calendarDay } from '../time/calendar.js';

/** Calendar days already computed, per time zone and message object (messages are immutable). */
const dayCache = new Map<string, WeakMap<Message, string>>();

function dayOf(message: Message, timeZone: string): string {
  let byMessage = dayCache.get(timeZone);
  if (!byMessage) {
    byMessage = new WeakMap();
    dayCache.set(timeZone, byMessage);
  }
  let day = byMessage.get(message);
  if (day === undefined) {
    day = calendarDay(message.createdAt, timeZone);
    byMessage.set(message, day);
  }
  return day;
}

/**
 * One row of the virtual timeline: a message, with the day separator and the "new messages" marker
 * that go above it inside the same row (so every row is keyed by its message, and the list keeps
 * its reading position when older messages are prepended).
 */
export interface TimelineRow {
  key: string;
  item: TimelineMessage;
  /** The first message of its calendar day: a separator for this day goes above it. */
  startsDay: boolean;
  /** The first unread message: the "new messages" marker goes above it. */
  firstUnread: boolean;
}

/** The key of a message row: stable from the optimistic send to the server's answer. */
export function messageKey(item: TimelineMessage): string {
  return `${item.message.senderId}:${item.message.clientMsgId}`;
}

/**
 * The rows of a timeline: each message (but those deleted for me), marked when it starts a calendar day in `timeZone` and when it
 * is the first message past `unreadAfterSeq` that someone else sent (none when `unreadAfterSeq` is null).
 */
export function timelineRows(
  items: readonly TimelineMessage[],
  timeZone: string,
  unreadAfterSeq: number | null,
  meId: string | null,
): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let day = '';
  let markerPlaced = unreadAfterSeq === null;
  for (const item of items) {
    const { message } = item;
    // Deleted for me: not shown at all.
    if (message.type === 'hidden') continue;
    const itemDay = dayOf(message, timeZone);
    const startsDay = itemDay !== day;
    day = itemDay;
    const firstUnread = !markerPlaced && message.seq > unreadAfterSeq! && message.senderId !== meId && message.type !== 'system';
    if (firstUnread) markerPlaced = true;
    rows.push({ key: messageKey(item), item, startsDay, firstUnread });
  }
  return rows;
}
