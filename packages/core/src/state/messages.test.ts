import { describe, expect, it } from 'vitest';
import { ME, message } from '../__tests__/fixtures.js';
import type { Message } from '@confab/protocol';
import type { ChatAction } from './actions.js';
import { messagesReducer } from './messages.js';
import type { TimelinesState } from './messages.js';

const reduce = (...actions: ChatAction[]) => actions.reduce(messagesReducer, {} as TimelinesState);
const received = (m: Message): ChatAction => ({ type: 'message/received', message: m });
const page = (messages: Message[], hasOlder?: boolean): ChatAction => ({ type: 'history/loaded', conversationId: 'c1', messages, hasOlder });
const pending = (clientMsgId: string): Message => message({ seq: 0, id: `pending:${clientMsgId}`, clientMsgId, senderId: ME });
const stored = (clientMsgId: string, seq: number): Message => message({ seq, clientMsgId, senderId: ME });
const view = (state: TimelinesState) => (state.c1?.items ?? []).map((item) => `${item.message.seq}:${item.state}:${item.message.clientMsgId}`);

describe('messagesReducer', () => {
  it('merges our pending send, its ack and the echoed message:new into one item', () => {
    const state = reduce(page([]), { type: 'send/started', message: pending('x') }, received(stored('x', 1)), received(stored('x', 1)));
    expect(view(state)).toEqual(['1:sent:x']);
  });

  it('does not merge our pending send with a message of someone else that has the same clientMsgId', () => {
    const state = reduce(page([]), { type: 'send/started', message: pending('x') }, received(message({ seq: 1, clientMsgId: 'x' })));
    expect(view(state)).toEqual(['1:sent:x', '0:sending:x']);
  });

  it('orders stored messages by seq when events arrive shuffled', () => {
    const state = reduce(page([]), ...[3, 1, 4, 2, 1, 3].map((seq) => received(message({ seq }))));
    expect(state.c1?.items.map((item) => item.message.seq)).toEqual([1, 2, 3, 4]);
  });

  it('keeps pending sends at the bottom in send order while messages arrive', () => {
    const state = reduce(
      page([message({ seq: 1 })]),
      { type: 'send/started', message: pending('x') },
      { type: 'send/started', message: pending('y') },
      received(message({ seq: 2 })),
    );
    expect(view(state)).toEqual(['1:sent:cm-c1-1', '2:sent:cm-c1-2', '0:sending:x', '0:sending:y']);
  });

  it('gives an acked send its server order among the stored messages', () => {
    const state = reduce(
      page([message({ seq: 1 })]),
      { type: 'send/started', message: pending('x') },
      { type: 'send/started', message: pending('y') },
      received(stored('y', 2)),
      received(message({ seq: 3 })),
    );
    expect(view(state)).toEqual(['1:sent:cm-c1-1', '2:sent:y', '3:sent:cm-c1-3', '0:sending:x']);
  });

  it('keeps a failed send in its place at the bottom with its error, and a retry reuses that place', () => {
    const error = { code: 'INTERNAL' as const, message: 'boom' };
    const failed = reduce(
      page([]),
      { type: 'send/started', message: pending('x') },
      { type: 'send/started', message: pending('y') },
      { type: 'send/failed', conversationId: 'c1', clientMsgId: 'x', error },
      received(message({ seq: 1 })),
    );
    expect(view(failed)).toEqual(['1:sent:cm-c1-1', '0:failed:x', '0:sending:y']);
    expect(failed.c1?.items[1]?.error).toEqual(error);
    const retried = messagesReducer(failed, { type: 'send/started', message: pending('x') });
    expect(view(retried)).toEqual(['1:sent:cm-c1-1', '0:sending:x', '0:sending:y']);
    expect(retried.c1?.items[1]?.error).toBeUndefined();
  });

  it('merges a history page without duplicates and keeps the order', () => {
    const state = reduce(
      page([3, 4, 5].map((seq) => message({ seq })), true),
      received(message({ seq: 6 })),
      page([1, 2, 3, 4].map((seq) => message({ seq })), false),
    );
    expect(state.c1?.items.map((item) => item.message.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(state.c1?.hasOlder).toBe(false);
  });

  it('tracks hasOlder and loading across a page request', () => {
    const loading = reduce(page([message({ seq: 9 })], true), { type: 'history/requested', conversationId: 'c1' });
    expect(loading.c1).toMatchObject({ loading: true, hasOlder: true });
    const done = messagesReducer(loading, page([message({ seq: 8 })], false));
    expect(done.c1).toMatchObject({ loading: false, hasOlder: false });
    expect(messagesReducer(loading, { type: 'history/failed', conversationId: 'c1' }).c1?.loading).toBe(false);
  });

  it('leaves timelines that were never opened alone on a live message', () => {
    const state = reduce(received(message({ seq: 1 })));
    expect(state).toEqual({});
  });

  it('returns the same state for a message it already has', () => {
    const state = reduce(page([message({ seq: 1 })]));
    expect(messagesReducer(state, received(message({ seq: 1 })))).toBe(state);
  });
});
