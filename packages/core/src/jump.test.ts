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
      const query = new URLSearchParams(path.split('?')[1]);
      if (query.has('around')) return { body: { messages: range(3, 7), hasMore: true, hasNewer: true } };
      if (query.has('after')) return { body: { messages: range(Number(query.get('after')) + 1, 59), hasMore: false } };
      return { body: { messages: range(60, 61), hasMore: true, changeSeq: 0 } };
    },
  });
  const sockets = fakeIo();
  const client = createChatClient({ url: 'http://chat.test', fetch: server.fetch, io: sockets.io });
  return { client, server, sockets };
}

describe('jumpTo', () => {
  it('loads the page around an unloaded seq, then fills the gap up to the loaded messages', async () => {
    const { client, server, sockets } = setup();
    await client.login('me', 'password1');
    sockets.socket.open();
    await settle(10);
    await client.openConversation('c1');
    await client.jumpTo('c1', 5);
    const seqs = client.getState().messages.c1?.items.map((item) => item.message.seq);
    expect(seqs).toEqual(Array.from({ length: 59 }, (_, index) => index + 3));
    expect(client.getState().messages.c1).toMatchObject({ hasOlder: true, loading: false });
    const queries = server.calls.filter((call) => call.path.startsWith('/conversations/c1/messages')).map((call) => call.path.split('?')[1]);
    expect(queries).toEqual(['limit=50', 'around=5&limit=50', 'after=7&limit=100']);
    // Already loaded: nothing more is fetched.
    await client.jumpTo('c1', 40);
    expect(server.calls.filter((call) => call.path.startsWith('/conversations/c1/messages'))).toHaveLength(3);
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
});
