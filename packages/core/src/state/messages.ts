import type { Message, MessageDeltaEvent } from '@confab/protocol';
import { applyDelta } from './replies.js';
import { replaceChanged } from './changes.js';
import type { MessagesState, TimelineMessage } from '../types.js';
import type { ChatAction } from './actions.js';
import { removePending, setUploadProgress } from './uploads.js';

/** Timelines by conversation id. */
export type TimelinesState = Readonly<Record<string, MessagesState>>;

export const emptyTimeline: MessagesState = { items: [], hasOlder: false, loading: false };

const isStored = (item: TimelineMessage): boolean => item.state === 'sent';

/** Whether `item` is the pending (or stored) copy of our send `clientMsgId`. */
function isSameSend(item: TimelineMessage, senderId: string, clientMsgId: string): boolean {
  return item.message.senderId === senderId && item.message.clientMsgId === clientMsgId;
}

/** Index of the first stored item with seq >= `seq` (binary search over the stored prefix). */
function lowerBound(items: readonly TimelineMessage[], storedCount: number, seq: number): number {
  let low = 0;
  let high = storedCount;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((items[middle] as TimelineMessage).message.seq < seq) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Inserts stored messages into a timeline: sorted by seq, one item per seq and per id, and our
 * own pending copy (same sender and clientMsgId) is replaced by the stored one, so the ack and the
 * echoed `message:new` of one send end up as ONE item. Returns the same array when nothing changes.
 */
export function insertStored(items: readonly TimelineMessage[], messages: readonly Message[]): readonly TimelineMessage[] {
  let next: TimelineMessage[] | null = null;
  for (const message of messages) {
    const current: readonly TimelineMessage[] = next ?? items;
    let storedCount = current.findIndex((item) => !isStored(item));
    if (storedCount < 0) storedCount = current.length;
    const at = lowerBound(current, storedCount, message.seq);
    const there = current[at];
    if (at < storedCount && there && (there.message.seq === message.seq || there.message.id === message.id)) continue;
    next ??= [...items];
    const pending = next.findIndex((item, index) => index >= storedCount && isSameSend(item, message.senderId, message.clientMsgId));
    if (pending >= 0) next.splice(pending, 1);
    next.splice(at, 0, { message, state: 'sent' });
  }
  return next ?? items;
}

/** Appends our unacknowledged send, or (a retry) puts the failed one back to 'sending' in its place. */
function startSend(items: readonly TimelineMessage[], message: Message): readonly TimelineMessage[] {
  const index = items.findIndex((item) => isSameSend(item, message.senderId, message.clientMsgId));
  const item: TimelineMessage = { message, state: 'sending' };
  if (index < 0) return [...items, item];
  if (isStored(items[index] as TimelineMessage)) return items;
  return items.map((existing, at) => (at === index ? item : existing));
}

function failSend(items: readonly TimelineMessage[], action: Extract<ChatAction, { type: 'send/failed' }>): readonly TimelineMessage[] {
  const index = items.findIndex((item) => !isStored(item) && item.message.clientMsgId === action.clientMsgId);
  if (index < 0) return items;
  return items.map((item, at) => (at === index ? { message: item.message, state: 'failed', error: action.error } : item));
}

function update(state: TimelinesState, conversationId: string, change: (timeline: MessagesState) => MessagesState, create = false): TimelinesState {
  const timeline = state[conversationId];
  if (!timeline && !create) return state;
  const current = timeline ?? emptyTimeline;
  const next = change(current);
  if (next === timeline) return state;
  return { ...state, [conversationId]: next };
}

/** Replaces the stored item with `message.id` (inserts it when unknown). */
function replaceStored(items: readonly TimelineMessage[], message: Message): readonly TimelineMessage[] {
  const index = items.findIndex((item) => item.state === 'sent' && item.message.id === message.id);
  if (index < 0) return insertStored(items, [message]);
  return items.map((item, at) => (at === index ? { message, state: 'sent' } : item));
}

function foldDelta(items: readonly TimelineMessage[], event: MessageDeltaEvent): readonly TimelineMessage[] {
  const index = items.findIndex((item) => item.message.id === event.messageId);
  const item = items[index];
  if (!item) return items;
  const result = applyDelta(item.message, event);
  if (result.outcome !== 'applied') return items;
  return items.map((existing, at) => (at === index ? { message: result.message, state: 'sent' } : existing));
}

function withItems(timeline: MessagesState, items: readonly TimelineMessage[]): MessagesState {
  return items === timeline.items ? timeline : { ...timeline, items };
}

/**
 * Per-conversation timelines. Live messages only go to timelines that exist (opened, or with a
 * send of ours); history pages and sends create them.
 */
export function messagesReducer(state: TimelinesState, action: ChatAction): TimelinesState {
  switch (action.type) {
    case 'message/received':
      return update(state, action.message.conversationId, (timeline) => withItems(timeline, insertStored(timeline.items, [action.message])));
    case 'messages/received':
      return update(state, action.conversationId, (timeline) => withItems(timeline, insertStored(timeline.items, action.messages)));
    case 'message/updated':
      return update(state, action.message.conversationId, (timeline) => withItems(timeline, replaceStored(timeline.items, action.message)));
    case 'messages/changed':
      return update(state, action.conversationId, (timeline) => {
        const next = withItems(timeline, replaceChanged(timeline.items, action.messages));
        if (action.changeSeq === undefined || action.changeSeq <= (timeline.changeSeq ?? 0)) return next;
        return { ...next, changeSeq: action.changeSeq };
      });
    case 'message/delta':
      return update(state, action.event.conversationId, (timeline) => withItems(timeline, foldDelta(timeline.items, action.event)));
    case 'history/requested':
      return update(state, action.conversationId, (timeline) => (timeline.loading ? timeline : { ...timeline, loading: true }), true);
    case 'history/loaded':
      return update(
        state,
        action.conversationId,
        (timeline) => ({
          items: insertStored(timeline.items, action.messages),
          hasOlder: action.hasOlder ?? timeline.hasOlder,
          // A catch-up page (no `hasOlder`) does not end a `loadOlder` still in flight.
          loading: action.hasOlder === undefined ? timeline.loading : false,
          // Only the first page sets the change cursor: a later page is newer than the rest of the timeline.
          changeSeq: timeline.changeSeq ?? action.changeSeq,
        }),
        true,
      );
    case 'history/failed':
      return update(state, action.conversationId, (timeline) => (timeline.loading ? { ...timeline, loading: false } : timeline));
    case 'send/started':
      return update(state, action.message.conversationId, (timeline) => withItems(timeline, startSend(timeline.items, action.message)), true);
    case 'send/failed':
      return update(state, action.conversationId, (timeline) => withItems(timeline, failSend(timeline.items, action)));
    case 'upload/progress':
      return update(state, action.conversationId, (timeline) => withItems(timeline, setUploadProgress(timeline.items, action)));
    case 'send/cancelled':
      return update(state, action.conversationId, (timeline) => withItems(timeline, removePending(timeline.items, action.clientMsgId)));
    case 'session/reset':
      return {};
    default:
      return state;
  }
}
