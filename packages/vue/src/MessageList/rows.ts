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

/** One row of the virtual timeline. */
export type TimelineRow =
  | { kind: 'older'; key: string }
  | { kind: 'day'; key: string; timestamp: number }
  | { kind: 'unread'; key: string }
  | { kind: 'message'; key: string; item: TimelineMessage };

/** The key of a message row: stable from the optimistic send to the server's answer. */
export function messageKey(item: TimelineMessage): string {
  return `${item.message.senderId}:${item.message.clientMsgId}`;
}

/**
 * The rows of a timeline: the "older" header, a day separator before the first message of each calendar
 * day in `timeZone`, and the "new messages" marker before the first message past `unreadAfterSeq`
 * that someone else sent (none when `unreadAfterSeq` is null).
 */
export function timelineRows(
  items: readonly TimelineMessage[],
  timeZone: string,
  unreadAfterSeq: number | null,
  meId: string | null,
): TimelineRow[] {
  const rows: TimelineRow[] = [{ kind: 'older', key: 'older' }];
  let day = '';
  let markerPlaced = unreadAfterSeq === null;
  for (const item of items) {
    const { message } = item;
    const itemDay = dayOf(message, timeZone);
    if (itemDay !== day) {
      day = itemDay;
      rows.push({ kind: 'day', key: `day:${itemDay}`, timestamp: message.createdAt });
    }
    if (!markerPlaced && message.seq > unreadAfterSeq! && message.senderId !== meId && message.type !== 'system') {
      markerPlaced = true;
      rows.push({ kind: 'unread', key: 'unread' });
    }
    rows.push({ kind: 'message', key: messageKey(item), item });
  }
  return rows;
}
