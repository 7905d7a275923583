import { describe, expect, it } from 'vitest';
import { ME, message } from '../__tests__/fixtures.js';
import type { ChatAction } from './actions.js';
import { messagesReducer, type TimelinesState } from './messages.js';

const reduce = (...actions: ChatAction[]) => actions.reduce(messagesReducer, {} as TimelinesState);
const pending = message({ seq: 0, id: 'pending:u1', clientMsgId: 'u1', senderId: ME });

describe('upload progress in timelines', () => {
  it('shows the progress of a pending file send and drops it when the send is stored', () => {
    const uploading = reduce({ type: 'send/started', message: pending }, { type: 'upload/progress', conversationId: 'c1', clientMsgId: 'u1', loaded: 30, total: 120 });
    expect(uploading.c1?.items[0]).toMatchObject({ state: 'sending', upload: { loaded: 30, total: 120 } });
    const stored = messagesReducer(uploading, { type: 'message/received', message: message({ seq: 1, clientMsgId: 'u1', senderId: ME }) });
    expect(stored.c1?.items).toEqual([{ message: message({ seq: 1, clientMsgId: 'u1', senderId: ME }), state: 'sent' }]);
  });

  it('removes a cancelled send and ignores progress for unknown sends', () => {
    const state = reduce({ type: 'send/started', message: pending });
    expect(messagesReducer(state, { type: 'upload/progress', conversationId: 'c1', clientMsgId: 'nope', loaded: 1, total: 2 })).toBe(state);
    expect(messagesReducer(state, { type: 'send/cancelled', conversationId: 'c1', clientMsgId: 'u1' }).c1?.items).toEqual([]);
  });
});
