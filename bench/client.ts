/**
 * (5) The client's home list in one process: `buildHomeList` from @confab/core over a large log
 * against the original per-friend filter (for each conversation, filter all messages); and
 * `applyMessageToList` on a long list, amortized per message.
 */
import { join } from 'node:path';
import type * as Core from '../packages/core/src/index.js';
import type { Message } from '../packages/protocol/src/index.js';
import { root } from './lib/processes.js';

const core = (await import(join(root, 'packages', 'core', 'dist', 'index.js'))) as typeof Core;

export const clientSizes = { messages: 100_000, conversations: 500, listConversations: 3000, applied: 20_000, burst: 100 };

function log(messages: number, conversations: number): Message[] {
  const seqs = new Array<number>(conversations).fill(0);
  return Array.from({ length: messages }, (_, i) => {
    const c = (i * 7919) % conversations;
    seqs[c] = (seqs[c] as number) + 1;
    return { id: `m${i}`, conversationId: `c${c}`, senderId: i % 3 === 0 ? 'me' : `u${c}`, clientMsgId: `cm${i}`, seq: seqs[c] as number, type: 'text', content: { text: `hello ${i}` }, createdAt: 1_700_000_000_000 + i } as Message;
  });
}

/** The original algorithm: for each friend, filter every message. */
function naiveHomeList(messages: readonly Message[], conversations: readonly { id: string; readSeq: number; activeAt: number }[], meId: string) {
  return conversations
    .map((conversation) => {
      const mine = messages.filter((m) => m.conversationId === conversation.id);
      const last = mine.reduce<Message | null>((best, m) => (!best || m.seq > best.seq ? m : best), null);
      const readSeq = Math.max(conversation.readSeq, ...mine.filter((m) => m.senderId === meId).map((m) => m.seq));
      const lastSeq = last?.seq ?? 0;
      return { id: conversation.id, lastMessage: last, lastSeq, readSeq, unread: Math.max(0, lastSeq - readSeq), activeAt: Math.max(conversation.activeAt, last?.createdAt ?? 0) };
    })
    .sort((a, b) => b.activeAt - a.activeAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const time = (body: () => unknown): number => {
  const started = performance.now();
  body();
  return performance.now() - started;
};

/** Milliseconds: [core, naive] (best of 5 after 2 warm-up rounds each). */
export function homeList(): { core: number; naive: number } {
  const messages = log(clientSizes.messages, clientSizes.conversations);
  const conversations = Array.from({ length: clientSizes.conversations }, (_, c) => ({ id: `c${c}`, readSeq: 0, activeAt: 0 }));
  const best = (body: () => unknown): number => {
    for (let i = 0; i < 2; i++) body();
    return Math.min(...Array.from({ length: 5 }, () => time(body)));
  };
  const coreMs = best(() => core.buildHomeList(messages, conversations, 'me'));
  const naiveMs = best(() => naiveHomeList(messages, conversations, 'me'));
  if (JSON.stringify(core.buildHomeList(messages, conversations, 'me')) !== JSON.stringify(naiveHomeList(messages, conversations, 'me'))) throw new Error('home lists differ');
  return { core: coreMs, naive: naiveMs };
}

/**
 * Microseconds per message applied to a `listConversations`-row list, amortized over `applied`
 * messages: [applyMessageToList one message at a time (each a new list), applyMessagesToList in
 * bursts of `burst` (one new list per burst), rebuild with buildHomeList]. Both end in the same list.
 */
export function applyMessage(): { core: number; burst: number; rebuild: number } {
  const base = log(clientSizes.listConversations * 2, clientSizes.listConversations);
  const conversations = Array.from({ length: clientSizes.listConversations }, (_, c) => ({ id: `c${c}`, readSeq: 0, activeAt: 0 }));
  const start: readonly ReturnType<typeof core.buildHomeList>[number][] = core.buildHomeList(base, conversations, 'me');
  const incoming = log(clientSizes.applied + 1000, clientSizes.listConversations).map((m, i) => ({ ...m, seq: m.seq + 10, createdAt: m.createdAt + 1_000_000 + i }));
  const warmup = incoming.slice(0, 1000);
  const measured = incoming.slice(1000);

  let one = start;
  for (const m of warmup) one = core.applyMessageToList(one, m, 'me');
  // A list made elsewhere (as after a fetch): the first apply builds its id lookup, and that is measured.
  one = [...one];
  const coreMs = time(() => {
    for (const m of measured) one = core.applyMessageToList(one, m, 'me');
  });

  let bursts = core.applyMessagesToList(start, warmup, 'me');
  bursts = [...bursts];
  const burstMs = time(() => {
    for (let i = 0; i < measured.length; i += clientSizes.burst) bursts = core.applyMessagesToList(bursts, measured.slice(i, i + clientSizes.burst), 'me');
  });
  if (JSON.stringify(one) !== JSON.stringify(bursts)) throw new Error('one by one and bursts give different lists');

  const rebuilds = 20;
  const rebuildMs = time(() => {
    for (const m of measured.slice(0, rebuilds)) core.buildHomeList([...base, m], conversations, 'me');
  });
  const perMessage = (ms: number, count: number): number => (ms * 1000) / count;
  return { core: perMessage(coreMs, measured.length), burst: perMessage(burstMs, measured.length), rebuild: perMessage(rebuildMs, rebuilds) };
}
