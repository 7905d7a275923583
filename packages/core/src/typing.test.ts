import { LIMITS } from '@confab/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ME, PEER, conversation, message, user } from './__tests__/fixtures.js';
import { fakeFetch, fakeIo, settle } from './__tests__/fakes.js';
import { createChatClient } from './client.js';
import { typingUserIds } from './state/typing.js';

async function loggedIn() {
  const server = fakeFetch({
    'POST /auth/login': () => ({ body: { user: user(ME, 'Me'), token: 't1', expiresAt: 9_000_000 } }),
    'GET /conversations': () => ({ body: { conversations: [conversation({ id: 'c1', lastSeq: 2, readSeq: 2, activeAt: 1002 })] } }),
    'GET /friends': () => ({ body: { friends: [] } }),
    'GET /requests': () => ({ body: { requests: [] } }),
  });
  const sockets = fakeIo();
  const client = createChatClient({ url: 'http://chat.test', fetch: server.fetch, io: sockets.io, now: () => Date.now() });
  await client.login('me', 'password1');
  sockets.socket.open();
  await settle();
  return { client, socket: sockets.socket };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('typing', () => {
  it('sends at most one typing per throttle window per conversation', async () => {
    const { client, socket } = await loggedIn();
    socket.acks.typing = () => ({ ok: true });
    const sentTyping = () => socket.emitted.filter((emit) => emit.event === 'typing').map((emit) => emit.payload);
    client.notifyTyping('c1');
    client.notifyTyping('c1');
    vi.advanceTimersByTime(LIMITS.typingThrottleMs - 1);
    client.notifyTyping('c1');
    client.notifyTyping('c2');
    expect(sentTyping()).toEqual([{ conversationId: 'c1' }, { conversationId: 'c2' }]);
    vi.advanceTimersByTime(1);
    client.notifyTyping('c1');
    expect(sentTyping()).toHaveLength(3);
    // Our message clears the indicator for the others: the next keystroke tells them again at once.
    socket.serverEmit('message:new', message({ conversationId: 'c1', seq: 3, senderId: ME }));
    client.notifyTyping('c1');
    expect(sentTyping()).toHaveLength(4);
  });

  it("shows someone typing until it expires, longer when they keep typing, and not at all for our own other device", async () => {
    const { client, socket } = await loggedIn();
    socket.serverEmit('typing', { conversationId: 'c1', userId: ME });
    expect(client.getState().typing).toEqual({});
    socket.serverEmit('typing', { conversationId: 'c1', userId: PEER });
    expect(typingUserIds(client.getState(), 'c1')).toEqual([PEER]);
    vi.advanceTimersByTime(LIMITS.typingExpiresMs - 1000);
    socket.serverEmit('typing', { conversationId: 'c1', userId: PEER });
    vi.advanceTimersByTime(1000);
    // The first one's timer fired, but the second keeps it showing.
    expect(typingUserIds(client.getState(), 'c1')).toEqual([PEER]);
    vi.advanceTimersByTime(LIMITS.typingExpiresMs);
    expect(typingUserIds(client.getState(), 'c1')).toEqual([]);
    expect(client.getState().typing).toEqual({});
  });

  it("stops showing someone typing once their message arrives", async () => {
    const { client, socket } = await loggedIn();
    socket.serverEmit('typing', { conversationId: 'c1', userId: PEER });
    socket.serverEmit('typing', { conversationId: 'c1', userId: 'u-carol' });
    socket.serverEmit('message:new', message({ conversationId: 'c1', seq: 3, senderId: PEER }));
    expect(typingUserIds(client.getState(), 'c1')).toEqual(['u-carol']);
  });
});
