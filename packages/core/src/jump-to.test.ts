import { describe, expect, it } from 'vitest';
import { ME, conversation, message, user } from './__tests__/fixtures.js';
import { fakeFetch, fakeIo, settle } from './__tests__/fakes.js';
import { createChatClient } from './client.js';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => message({ seq: from + index }));

function setup() {
  const server = fakeFetch({
    'POST /auth/login': () => ({ body: { user: user(ME), token: 't1', expiresAt: 9_000_000 } }),
    'GET /conversations': () => ({ body: { conversations: [conversation({ id: 'c1', lastSeq: 61, activeAt: 1061, lastMessage: message({ seq: 61 }) })] } }),
    'GET /friends': () => ({ body: { friends: [] } }),
    'GET /requests': () => ({ body: { requests: [] } }),
    'GET /conversations/c1/messages': ({ path }) => {
      if (path.includes('around=')) return { body: { messages: range(3, 7), hasMore: true, hasNewer: true } };
      return { body: { messages: range(60, 61), hasMore: true, changeSeq: 0 } };
    },
  });
  const sockets = fakeIo();
  const client = createChatClient({ url: 'http://chat.test', fetch: server.fetch, io: sockets.io });
  return { client, server, sockets };
}

describe('jumpTo', () => {
  it('loads the page around an unloaded seq, then sync fills the gap up to the loaded messages', async () => {
    const { client, server, sockets } = setup();
    await client.login('me', 'password1');
    sockets.socket.open();
    await settle(10);
    await client.openConversation('c1');
    const row = conversation({ id: 'c1', lastSeq: 61, activeAt: 1061, lastMessage: message({ seq: 61 }) });
    const cursors: number[] = [];
    sockets.socket.acks.sync = (payload) => {
      const seq = (payload as { cursors: { seq: number }[] }).cursors[0]!.seq;
      cursors.push(seq);
      return { ok: true, conversations: [{ conversation: row, messages: range(seq + 1, Math.min(seq + 30, 61)), hasMore: seq + 30 < 61 }] };
    };
    await client.jumpTo('c1', 5);
    const seqs = client.getState().messages.c1?.items.map((item) => item.message.seq);
    expect(seqs).toEqual(Array.from({ length: 59 }, (_, index) => index + 3));
    expect(client.getState().messages.c1).toMatchObject({ hasOlder: true, loading: false });
    const queries = server.calls.filter((call) => call.path.startsWith('/conversations/c1/messages')).map((call) => call.path.split('?')[1]);
    expect(queries).toEqual(['limit=50', 'around=5&limit=50']);
    // Sync filled the gap from the page around 5 up to the loaded messages, a page at a time.
    expect(cursors).toEqual([7, 37]);
    // Already loaded: nothing more is fetched.
    await client.jumpTo('c1', 40);
    expect(server.calls.filter((call) => call.path.startsWith('/conversations/c1/messages'))).toHaveLength(2);
    expect(cursors).toHaveLength(2);
  });

  it('sends a reply with the id of the message it quotes', async () => {
    const { client, sockets } = setup();
    await client.login('me', 'password1');
    sockets.socket.open();
    await settle(10);
    sockets.socket.acks['message:send'] = (payload) => ({ ok: true, message: { ...message({ seq: 62, senderId: ME }), content: { text: 'yes', replyTo: { messageId: 'm-c1-60', seq: 60, senderId: 'u-peer' } }, clientMsgId: (payload as { clientMsgId: string }).clientMsgId } });
    await client.sendText('c1', 'yes', { replyTo: message({ seq: 60 }) });
    const payload = sockets.socket.emitted.find((emit) => emit.event === 'message:send')?.payload;
    expect(payload).toMatchObject({ conversationId: 'c1', type: 'text', content: { text: 'yes' }, replyTo: 'm-c1-60' });
  });

  it('sends the mentions of a text with it, and shows them on the pending message', async () => {
    const { client, sockets } = setup();
    await client.login('me', 'password1');
    sockets.socket.open();
    await settle(10);
    const mentions = { userIds: ['u-bob'], all: true };
    sockets.socket.acks['message:send'] = (payload) => ({ ok: true, message: { ...message({ seq: 62, senderId: ME }), content: { text: '@all @Bob', mentions }, clientMsgId: (payload as { clientMsgId: string }).clientMsgId } });
    const sending = client.sendText('c1', '@all @Bob', { mentions });
    expect(client.getState().messages.c1?.items.at(-1)?.message.content).toEqual({ text: '@all @Bob', mentions });
    await sending;
    const payload = sockets.socket.emitted.find((emit) => emit.event === 'message:send')?.payload;
    expect(payload).toMatchObject({ conversationId: 'c1', type: 'text', content: { text: '@all @Bob' }, mentions });
  });
});
