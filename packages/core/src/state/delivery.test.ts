import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Message } from '@confab/protocol';
import { ME, PEER, conversation, message, user } from '../__tests__/fixtures.js';
import { contiguousSeq, hasGap } from '../sync.js';
import type { ChatState } from '../types.js';
import type { ChatAction } from './actions.js';
import { chatReducer, initialChatState } from './chat.js';

function start(fields: Parameters<typeof conversation>[0]): ChatState {
  let state = chatReducer(initialChatState(), { type: 'session/started', me: user(ME) });
  state = chatReducer(state, { type: 'conversations/loaded', conversations: [conversation(fields)] });
  return chatReducer(state, { type: 'history/loaded', conversationId: 'c1', messages: [], hasOlder: false });
}

const play = (state: ChatState, actions: readonly ChatAction[]) => actions.reduce(chatReducer, state);
const readOf = (readSeq: number, userId = ME): ChatAction => ({ type: 'read/applied', conversationId: 'c1', userId, readSeq });

describe('delivery cases on the reducers', () => {
  it('cursor at 10, markRead(10) in flight, 11 "lunch?" and 12 "12:30 ok?" stored: unread 2 in every order', () => {
    const base = start({ id: 'c1', lastSeq: 10, readSeq: 10, unread: 0 });
    const events: ChatAction[] = [
      readOf(10), // the optimistic move
      { type: 'message/received', message: message({ seq: 11, content: { text: 'lunch?' } }) },
      { type: 'message/received', message: message({ seq: 12, content: { text: '12:30 ok?' } }) },
      readOf(10), // the ack / echo
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(events, { minLength: events.length }), (order) => {
        const state = play(base, order);
        expect(state.conversations.list[0]).toMatchObject({ lastSeq: 12, readSeq: 10, unread: 2 });
        expect(state.conversations.unreadTotal).toBe(2);
      }),
    );
  });

  it('tab A marks seq 7 read and then receives the echo of the same read: 0, not -1', () => {
    const state = play(start({ id: 'c1', lastSeq: 7, readSeq: 0, unread: 7 }), [readOf(7), readOf(7)]);
    expect(state.conversations.list[0]).toMatchObject({ readSeq: 7, unread: 0 });
    expect(state.conversations.unreadTotal).toBe(0);
  });

  it('keeps pending sends at the bottom in send order, and acked ones in server order, for any stream', () => {
    const stream = fc
      .array(fc.boolean(), { minLength: 1, maxLength: 30 })
      .chain((mine) => {
        const log: Message[] = mine.map((isMine, index) =>
          message({ seq: index + 1, senderId: isMine ? ME : PEER, clientMsgId: `cm-${index + 1}` }),
        );
        const pending = log.filter((m) => m.senderId === ME).map((m): Message => ({ ...m, seq: 0, id: `pending:${m.clientMsgId}` }));
        return fc.tuple(fc.constant(pending), fc.shuffledSubarray([...log, ...log], { minLength: log.length * 2 }), fc.nat(log.length));
      });
    fc.assert(
      fc.property(stream, ([pending, deliveries, cut]) => {
        let state = start({ id: 'c1' });
        state = play(state, pending.map((m): ChatAction => ({ type: 'send/started', message: m })));
        const delivered = deliveries.slice(0, cut * 2);
        state = play(state, delivered.map((m): ChatAction => ({ type: 'message/received', message: m })));
        const items = state.messages.c1!.items;
        const stored = items.filter((item) => item.state === 'sent').map((item) => item.message.seq);
        const expectedStored = [...new Set(delivered.map((m) => m.seq))].sort((a, b) => a - b);
        expect(stored).toEqual(expectedStored);
        const waiting = items.filter((item) => item.state === 'sending').map((item) => item.message.clientMsgId);
        expect(waiting).toEqual(pending.filter((p) => !expectedStored.includes(Number(p.clientMsgId.slice(3)))).map((p) => p.clientMsgId));
        expect(items.findIndex((item) => item.state === 'sending')).toBe(waiting.length === 0 ? -1 : stored.length);
      }),
    );
  });

  it('never counts unread below zero or moves a cursor back, whatever reads arrive', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 20 }), (reads) => {
        const state = play(start({ id: 'c1', lastSeq: 12, readSeq: 3, unread: 9 }), reads.map((seq) => readOf(seq)));
        const row = state.conversations.list[0]!;
        expect(row.readSeq).toBe(Math.max(3, ...reads));
        expect(row.unread).toBe(Math.max(0, 12 - row.readSeq));
      }),
    );
  });
});

describe('sync cursors', () => {
  const timeline = (seqs: number[]) => ({ items: seqs.map((seq) => ({ message: message({ seq }), state: 'sent' as const })), hasOlder: false, loading: false });

  it('is the newest seq with no gap below it, so a live message past a gap leaves the gap to fetch', () => {
    expect(contiguousSeq(undefined)).toBe(0);
    expect(contiguousSeq(timeline([]))).toBe(0);
    expect(contiguousSeq(timeline([51, 52, 53]))).toBe(53);
    expect(contiguousSeq(timeline([1, 2, 5]))).toBe(2);
    expect(hasGap(timeline([1, 2, 5]))).toBe(true);
    expect(hasGap(timeline([1, 2, 3]))).toBe(false);
  });
});
