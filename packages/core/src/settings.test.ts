import { describe, expect, it } from 'vitest';
import { ME, conversation, message, user } from './__tests__/fixtures.js';
import { fakeFetch, fakeIo, settle } from './__tests__/fakes.js';
import { createChatClient } from './client.js';

const defaults = { pinned: false, muted: false, markedUnread: false, hiddenSeq: null };

async function loggedIn() {
  let lists = 0;
  const server = fakeFetch({
    'POST /auth/login': () => ({ body: { user: user(ME, 'Me'), token: 't1', expiresAt: 9_000_000 } }),
    // Only the first list load answers: after a reconnect, what changed can only come from sync.
    'GET /conversations': () => (++lists > 1 ? { status: 503, body: { error: { code: 'UNAVAILABLE', message: 'busy' } } } : {
      body: {
        conversations: [
          conversation({ id: 'c1', lastSeq: 2, readSeq: 2, activeAt: 1002, lastMessage: message({ seq: 2 }) }),
          conversation({ id: 'c2', lastSeq: 3, readSeq: 0, activeAt: 2000, lastMessage: message({ conversationId: 'c2', seq: 3 }) }),
        ],
      },
    }),
    'GET /friends': () => ({ body: { friends: [] } }),
    'GET /requests': () => ({ body: { requests: [] } }),
  });
  const sockets = fakeIo();
  const client = createChatClient({ url: 'http://chat.test', fetch: server.fetch, io: sockets.io, now: () => 5000 });
  client.on('error', () => undefined);
  await client.login('me', 'password1');
  sockets.socket.open();
  await settle();
  return { client, socket: sockets.socket };
}

describe('conversation settings', () => {
  it('sends a change, applies the answer, and follows changes made on another device', async () => {
    const { client, socket } = await loggedIn();
    expect(client.getState().conversations.list.map((item) => item.id)).toEqual(['c2', 'c1']);
    socket.acks['conversation:settings'] = (payload) => ({ ok: true, conversationId: 'c1', settings: { ...defaults, pinned: (payload as { pinned: boolean }).pinned } });
    expect(await client.setConversationSettings('c1', { pinned: true })).toEqual({ ...defaults, pinned: true });
    expect(socket.emitted.filter((emit) => emit.event === 'conversation:settings')).toEqual([{ event: 'conversation:settings', payload: { conversationId: 'c1', pinned: true } }]);
    expect(client.getState().conversations.list.map((item) => item.id)).toEqual(['c1', 'c2']);

    socket.serverEmit('conversation:settings', { conversationId: 'c2', settings: { ...defaults, muted: true } });
    expect(client.getState().conversations).toMatchObject({ unreadTotal: 0 });
  });

  it('sends a read for a conversation marked unread although nothing is unread, clearing the mark at once', async () => {
    const { client, socket } = await loggedIn();
    socket.serverEmit('conversation:settings', { conversationId: 'c1', settings: { ...defaults, markedUnread: true } });
    expect(client.getState().conversations.unreadTotal).toBe(3 + 1);
    socket.acks['conversation:read'] = () => ({ ok: true, conversationId: 'c1', readSeq: 2, unread: 0 });
    await client.markRead('c1');
    expect(socket.emitted.filter((emit) => emit.event === 'conversation:read')).toEqual([{ event: 'conversation:read', payload: { conversationId: 'c1', seq: 2 } }]);
    expect(client.getState().conversations.list.find((item) => item.id === 'c1')).toMatchObject({ markedUnread: false });
    expect(client.getState().conversations.unreadTotal).toBe(3);
  });

  it('takes the settings sync brings after a reconnect', async () => {
    const { client, socket } = await loggedIn();
    socket.acks.sync = () => ({ ok: true, conversations: [], settings: [{ conversationId: 'c1', settings: { ...defaults, pinned: true, hiddenSeq: 2 } }] });
    socket.serverEmit('disconnect', 'transport close');
    socket.open();
    await settle(60);
    expect(client.getState().conversations.list[0]).toMatchObject({ id: 'c1', pinned: true, hiddenSeq: 2 });
  });
});
