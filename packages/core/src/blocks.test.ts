import type { BlockedUser } from '@confab/protocol';
import { describe, expect, it } from 'vitest';
import { ME, conversation, message, user } from './__tests__/fixtures.js';
import { fakeFetch, fakeIo, settle } from './__tests__/fakes.js';
import { createChatClient } from './client.js';
import { isBlocked } from './state/contacts.js';
import { applyMessageToRow, buildHomeList } from './state/home.js';

const bobBlock: BlockedUser = { user: user('u_bob', 'Bob'), since: 100 };

async function loggedIn(blocksRoute: boolean) {
  const server = fakeFetch({
    'POST /auth/login': () => ({ body: { user: user(ME, 'Me'), token: 't1', expiresAt: 9_000_000 } }),
    'GET /conversations': () => ({ body: { conversations: [conversation({ id: 'c1', lastSeq: 2, readSeq: 2, lastMessage: message({ seq: 2 }) })] } }),
    'GET /friends': () => ({ body: { friends: [] } }),
    'GET /requests': () => ({ body: { requests: [] } }),
    ...(blocksRoute ? { 'GET /blocks': () => ({ body: { blocks: [bobBlock] } }) } : {}),
    'POST /blocks': (request) => ({ body: { block: { user: user((request.body as { userId: string }).userId, 'Carol'), since: 200 } } }),
    'DELETE /blocks/u_bob': () => ({ body: { ok: true } }),
  });
  const sockets = fakeIo();
  const client = createChatClient({ url: 'http://chat.test', fetch: server.fetch, io: sockets.io, now: () => 5000 });
  const errors: unknown[] = [];
  client.on('error', (error) => errors.push(error));
  await client.login('me', 'password1');
  sockets.socket.open();
  await settle();
  return { client, socket: sockets.socket, server, errors };
}

describe('blocks', () => {
  it('loads the blocked list, blocks and unblocks over REST, and follows other devices', async () => {
    const { client, socket, server } = await loggedIn(true);
    expect(client.getState().blocked).toEqual([bobBlock]);
    expect(isBlocked(client.getState(), 'u_bob')).toBe(true);

    expect(await client.block('u_carol')).toEqual({ user: user('u_carol', 'Carol'), since: 200 });
    expect(server.calls.filter((call) => call.method === 'POST' && call.path === '/blocks').map((call) => call.body)).toEqual([{ userId: 'u_carol' }]);
    expect(client.getState().blocked.map((block) => block.user.id)).toEqual(['u_carol', 'u_bob']);

    await client.unblock('u_bob');
    expect(isBlocked(client.getState(), 'u_bob')).toBe(false);
    // Another device blocks bob again, then unblocks carol; a repeated event changes nothing.
    socket.serverEmit('block:changed', { change: 'blocked', block: bobBlock });
    socket.serverEmit('block:changed', { change: 'unblocked', userId: 'u_carol' });
    const before = client.getState();
    socket.serverEmit('block:changed', { change: 'unblocked', userId: 'u_carol' });
    expect(client.getState()).toBe(before);
    expect(client.getState().blocked).toEqual([bobBlock]);
    client.logout();
    expect(client.getState().blocked).toEqual([]);
  });

  it('treats a server without blocks as blocking nobody', async () => {
    const { client, errors } = await loggedIn(false);
    expect(client.getState().blocked).toEqual([]);
    expect(client.getState().conversations.loaded).toBe(true);
    // The missing route is no error (the fake socket's sync timing out is another matter).
    expect(errors.filter((error) => (error as { code?: string }).code !== 'TIMEOUT')).toEqual([]);
  });

  it('a hidden message (kept from us by a block) moves lastSeq only: preview, activity and order stay', () => {
    const row = { id: 'c1', lastMessage: message({ seq: 2, createdAt: 50 }), lastSeq: 2, readSeq: 2, unread: 0, activeAt: 50 };
    const kept = { ...message({ seq: 3, createdAt: 90, senderId: 'u_bob' }), type: 'hidden', content: {} } as never;
    expect(applyMessageToRow(row, kept, ME)).toEqual({ ...row, lastSeq: 3, unread: 1 });
    expect(buildHomeList([row.lastMessage, kept], [{ id: 'c1', readSeq: 3, activeAt: 10 }], ME)).toEqual([{ ...row, lastSeq: 3, readSeq: 3, unread: 0 }]);
  });
});
