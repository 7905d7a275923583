import type { Message } from '@confab/protocol';
import type { TimelineMessage } from '../types.js';

/**
 * A changed message (recalled, edited, hidden for us) in place of the one with its id. A message we
 * deleted for ourselves stays hidden whatever later change of it arrives.
 */
export function applyChange(known: Message, changed: Message): Message {
  return known.type === 'hidden' && changed.type !== 'hidden' ? known : changed;
}

/** Replaces the stored items with the ids of `messages`; unknown ids change nothing. Same array when nothing changes. */
export function replaceChanged(items: readonly TimelineMessage[], messages: readonly Message[]): readonly TimelineMessage[] {
  const byId = new Map(messages.map((message) => [message.id, message]));
  let changed = false;
  const next = items.map((item) => {
    const incoming = item.state === 'sent' ? byId.get(item.message.id) : undefined;
    if (!incoming) return item;
    const message = applyChange(item.message, incoming);
    if (message === item.message) return item;
    changed = true;
    return { ...item, message };
  });
  return changed ? next : items;
}

/** The change cursor a sync should send: the timeline's when it has one, else the list's. @internal */
export function heldChangeSeq(timelineChangeSeq: number | undefined, conversationChangeSeq: number | undefined): number {
  return timelineChangeSeq ?? conversationChangeSeq ?? 0;
}
