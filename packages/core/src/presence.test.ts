import { describe, expect, it } from 'vitest';
import { ME, PEER, conversation, user } from './__tests__/fixtures.js';
import { fakeFetch, fakeIo, settle } from './__tests__/fakes.js';
import { createChatClient } from './client.js';
import { initialChatState } from './state/chat.js';
import { presenceOf, presenceReducer } from './state/presence.js';

const HIDDEN_LIST = { presence: [{ userId: PEER, online: false, lastSeenAt: null }], settings: { showPresence: false } };
const SHOWN_LIST = { presence: [{ userId: PEER, online: false, lastSeenAt: 7_000 }], settings: { showPresence: true } };

async function loggedIn() {
  const server = fakeFetch({
    'POST /auth/login': () => ({ body: { user: user(ME, 'Me'), token: 't1', expiresAt: 9_000_000 } }),
    'GET /conversations': () => ({ body: { conversations: [conversation({ id: 'c1' })] } }),
    'GET /friends': () => ({ body: { friends: [] } }),
    'GET /requests': () => ({ body: { requests: [] } }),
    'PATCH /me/presence': (request) => ({ body: (request.body as { showPresence: boolean }).showPresence ? SHOWN_LIST : HIDDEN_LIST }),
  });
  const sockets = fakeIo();
  const client = createChatClient({ url: 'http://chat.test', fetch: server.fetch, io: sockets.io });
  await client.login('me', 'password1');
  sockets.socket.acks.sync = () => ({ ok: true, conversations: [], presence: { presence: [{ userId: PEER, online: true, lastSeenAt: null }], settings: { showPresence: true } } });
  sockets.socket.open();
  await settle();
  return { client, socket: sockets.socket, server };
}

describe('presence', () => {
  it('asks for it in the first sync round of every connect and applies live events', async () => {
    const { client, socket } = await loggedIn();
    expect(socket.emitted.find((emit) => emit.event === 'sync')?.payload).toMatchObject({ presence: true });
    expect(presenceOf(client.getState(), PEER)).toEqual({ userId: PEER, online: true, lastSeenAt: null });
    socket.serverEmit('presence', { userId: PEER, online: false, lastSeenAt: 9_000 });
    expect(presenceOf(client.getState(), PEER)).toEqual({ userId: PEER, online: false, lastSeenAt: 9_000 });
    expect(presenceOf(client.getState(), 'u-nobody')).toBeNull();
  });

  it('hiding ours shows everyone hidden (reciprocal); showing it again brings them back', async () => {
    const { client, server } = await loggedIn();
    expect(await client.setShowPresence(false)).toEqual({ showPresence: false });
    expect(server.calls.at(-1)).toMatchObject({ method: 'PATCH', path: '/me/presence', body: { showPresence: false } });
    expect(client.getState().presence).toEqual({ byUser: { [PEER]: { userId: PEER, online: false, lastSeenAt: null } }, showPresence: false });
    await client.setShowPresence(true);
    expect(presenceOf(client.getState(), PEER)).toEqual({ userId: PEER, online: false, lastSeenAt: 7_000 });
  });

  it('follows our setting changed on another device, and forgets an unfriended user', async () => {
    const { client, socket } = await loggedIn();
    socket.serverEmit('presence:settings', HIDDEN_LIST);
    expect(client.getState().presence.showPresence).toBe(false);
    socket.serverEmit('presence:settings', SHOWN_LIST);
    expect(client.getState().presence.showPresence).toBe(true);
    socket.serverEmit('friend:removed', { userId: PEER, conversationId: 'c1' });
    expect(presenceOf(client.getState(), PEER)).toBeNull();
  });

  it('keeps the same state object for an event that changes nothing', () => {
    const state = presenceReducer(initialChatState().presence, { type: 'presence/changed', presence: { userId: 'a', online: true, lastSeenAt: null } });
    expect(presenceReducer(state, { type: 'presence/changed', presence: { userId: 'a', online: true, lastSeenAt: null } })).toBe(state);
    expect(presenceReducer(state, { type: 'session/reset' })).toEqual({ byUser: {}, showPresence: true });
  });
});
