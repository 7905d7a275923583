import { describe, expect, it } from 'vitest';
import type { GroupConversation } from '@confab/protocol';
import { ME, groupConversation, user } from './__tests__/fixtures.js';
import { fakeFetch, fakeIo, settle } from './__tests__/fakes.js';
import { createChatClient } from './client.js';

const me = user(ME, 'Me');
const group = groupConversation();

async function loggedIn() {
  const server = fakeFetch({
    'POST /auth/login': () => ({ body: { user: me, token: 't1', expiresAt: 9_000_000 } }),
    'GET /conversations': () => ({ body: { conversations: [group] } }),
    'GET /friends': () => ({ body: { friends: [] } }),
    'GET /requests': () => ({ body: { requests: [] } }),
    'GET /conversations/g1/reads': () => ({ body: { reads: [{ userId: ME, readSeq: 1 }, { userId: 'u-bob', readSeq: 0 }] } }),
    'DELETE /groups/g1/members/u-me': () => ({ body: { ok: true } }),
  });
  const sockets = fakeIo();
  const client = createChatClient({ url: 'http://chat.test', fetch: server.fetch, io: sockets.io });
  await client.login('me', 'password1');
  sockets.socket.open();
  return { client, sockets };
}

describe('groups in the client', () => {
  it('a group:member saying we were removed drops the group from the list, live', async () => {
    const { client, sockets } = await loggedIn();
    sockets.socket.serverEmit('group:member', { groupId: 'g1', userId: 'u-bob', change: 'joined', role: 'member', memberCount: 4 });
    expect((client.getState().conversations.list[0] as GroupConversation).group.memberCount).toBe(4);
    sockets.socket.serverEmit('group:member', { groupId: 'g1', userId: ME, change: 'removed', memberCount: 3, conversation: null });
    expect(client.getState().conversations.list).toEqual([]);
  });

  it('counts readers from loaded cursors moved by live reads; leaving removes the row', async () => {
    const { client, sockets } = await loggedIn();
    await client.loadReads('g1');
    expect(client.getState().reads).toEqual({ g1: { [ME]: 1, 'u-bob': 0 } });
    sockets.socket.serverEmit('conversation:read', { conversationId: 'g1', userId: 'u-bob', readSeq: 1 });
    expect(client.getState().reads.g1).toEqual({ [ME]: 1, 'u-bob': 1 });
    await client.removeGroupMember('g1', ME);
    await settle();
    expect(client.getState().conversations.list).toEqual([]);
  });
});
