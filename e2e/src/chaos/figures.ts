import type { ChatState, TimelineMessage } from '@confab/core';
import type { Conversation, Message } from '@confab/protocol';
import { textOf } from '../text.js';

/** What a chaos run printed. Lost, duplicated, reordered and unreadMismatches must be 0. */
export interface ChaosFigures {
  sent: number;
  acked: number;
  delivered: number;
  lost: number;
  duplicated: number;
  reordered: number;
  unreadMismatches: number;
}

export interface DeviceView {
  userId: string;
  state: ChatState;
  /** The server's view of each conversation for this user (fetched at the end). */
  serverViews: Map<string, Conversation>;
}

/**
 * Compares every device's timelines with the server's stored history: each acked message present
 * once (else lost / duplicated), in the server's seq order with each device's sends in send order
 * (else reordered), and each unread count equal to the server's.
 */
export function countFigures(sent: number, acked: Message[], stored: Map<string, Message[]>, devices: DeviceView[]): Omit<ChaosFigures, 'sent'> {
  const figures = { acked: acked.length, delivered: 0, lost: 0, duplicated: 0, reordered: 0, unreadMismatches: 0 };
  for (const device of devices) {
    for (const [conversationId, history] of stored) {
      const view = device.serverViews.get(conversationId);
      if (!view) continue;
      const items: readonly TimelineMessage[] = device.state.messages[conversationId]?.items ?? [];
      const held = items.filter((item) => item.state === 'sent').map((item) => item.message);
      const byId = new Map<string, number>();
      for (const message of held) byId.set(message.id, (byId.get(message.id) ?? 0) + 1);
      const texts = new Map<string, number>();
      // Texts are unique per send; system notices (no text) are told apart by id only.
      for (const message of held) if (textOf(message) !== '') texts.set(textOf(message), (texts.get(textOf(message)) ?? 0) + 1);
      figures.duplicated += [...texts.values()].reduce((extra, count) => extra + count - 1, 0);
      for (const message of acked) {
        if (message.conversationId !== conversationId) continue;
        if (byId.has(message.id)) figures.delivered++;
        else figures.lost++;
      }
      const serverOrder = history.map((message) => message.id).join(',');
      if (held.map((message) => message.id).join(',') !== serverOrder) figures.reordered += countOutOfOrder(held, history);
      figures.reordered += countSendOrderBreaks(held);
      const local = device.state.conversations.list.find((conversation) => conversation.id === conversationId);
      if (!local || local.unread !== view.unread) figures.unreadMismatches++;
    }
  }
  return figures;
}

/** Held messages whose position differs from the server's order (a missing one counts as lost, not here). */
function countOutOfOrder(held: Message[], history: Message[]): number {
  const rank = new Map(history.map((message, index) => [message.id, index]));
  let breaks = 0;
  let previous = -1;
  for (const message of held) {
    const at = rank.get(message.id) ?? -1;
    if (at <= previous) breaks++;
    previous = Math.max(previous, at);
  }
  return breaks;
}

/** Texts are `<device>#<n>`: a device's n must grow along the timeline. */
function countSendOrderBreaks(held: Message[]): number {
  const last = new Map<string, number>();
  let breaks = 0;
  for (const message of held) {
    const [device, n] = textOf(message).split('#');
    const number = Number(n);
    if (device === undefined || Number.isNaN(number)) continue;
    if ((last.get(device) ?? 0) >= number) breaks++;
    last.set(device, number);
  }
  return breaks;
}

export function formatFigures(figures: ChaosFigures): string {
  return Object.entries(figures)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
}
