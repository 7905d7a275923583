import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Message } from '@confab/protocol';
import { ME, PEER, conversation, message, user } from '../__tests__/fixtures.js';
import type { ChatState } from '../types.js';
import type { ChatAction } from './actions.js';
import { chatReducer, initialChatState } from './chat.js';

/** A conversation log: seq 1..n, each sent by me or the peer. */
const logArbitrary = fc
  .array(fc.boolean(), { minLength: 1, maxLength: 40 })
  .map((mine) => mine.map((isMine, index) => message({ seq: index + 1, senderId: isMine ? ME : PEER, createdAt: 1000 + index })));

type Event = { kind: 'message'; message: Message } | { kind: 'read'; seq: number };

/** Every message at least once, some twice, reads of random seqs, all shuffled. */
const streamArbitrary = logArbitrary.chain((log) =>
  fc
    .tuple(
      fc.subarray(log),
      fc.array(fc.integer({ min: 0, max: log.length + 2 }), { maxLength: 10 }),
    )
    .chain(([repeats, reads]) =>
      fc.shuffledSubarray(
        [
          ...[...log, ...repeats].map((m): Event => ({ kind: 'message', message: m })),
          ...reads.map((seq): Event => ({ kind: 'read', seq })),
        ],
        { minLength: log.length + repeats.length + reads.length },
      ),
    )
    .map((events) => ({ log, events })),
);

const toAction = (event: Event): ChatAction =>
  event.kind === 'message'
    ? { type: 'message/received', message: event.message }
    : { type: 'read/applied', conversationId: 'c1', userId: ME, readSeq: event.seq };

function play(events: readonly Event[]): ChatState {
  const start: ChatAction[] = [
    { type: 'session/started', me: user(ME) },
    { type: 'conversations/loaded', conversations: [conversation({ id: 'c1' })] },
    { type: 'history/loaded', conversationId: 'c1', messages: [], hasOlder: false },
  ];
  return [...start, ...events.map(toAction)].reduce(chatReducer, initialChatState());
}

describe('reducers under any shuffled, repeated stream of messages and reads', () => {
  it('keep the timeline sorted by seq with every seq once', () => {
    fc.assert(
      fc.property(streamArbitrary, ({ log, events }) => {
        const seqs = (play(events).messages.c1?.items ?? []).map((item) => item.message.seq);
        expect(seqs).toEqual(log.map((m) => m.seq));
      }),
    );
  });

  it('derive unread from the cursors, equal to counting unread messages one by one', () => {
    fc.assert(
      fc.property(streamArbitrary, ({ log, events }) => {
        const row = play(events).conversations.list[0];
        if (!row) throw new Error('conversation missing');
        const readSeq = Math.max(
          0,
          ...events.map((event) => (event.kind === 'read' ? event.seq : event.message.senderId === ME ? event.message.seq : 0)),
        );
        const naive = log.filter((m) => m.seq > readSeq && m.senderId !== ME).length;
        expect(row.readSeq).toBe(readSeq);
        expect(row.unread).toBe(Math.max(0, row.lastSeq - row.readSeq));
        expect(row.unread).toBe(naive);
        expect(row.unread).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('change nothing when the whole stream is applied a second time', () => {
    fc.assert(
      fc.property(streamArbitrary, ({ events }) => {
        const once = play(events);
        const twice = events.map(toAction).reduce(chatReducer, once);
        expect(twice).toBe(once);
      }),
    );
  });
});
