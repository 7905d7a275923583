import { describe, expect, it } from 'vitest';
import type { Message } from '@confab/protocol';
import { ME, PEER, conversation, friend, friendRequest, message, user } from './__tests__/fixtures.js';
import { timers } from './timers.js';
import { fakeFetch, fakeIo, memoryStorage, settle } from './__tests__/fakes.js';
import { createChatClient } from './client.js';
import { isConfabError } from './errors.js';
import type { ConfabError } from './errors.js';
import type { ChatClientOptions } from './types.js';

const me = user(ME, 'Me');

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

function setup(extra: Partial<ChatClientOptions> = {}) {
  const server = fakeFetch({
    'POST /auth/login': () => ({ body: { user: me, token: 't1', expiresAt: 9_000_000 } }),
    'GET /me': ({ headers }) =>
      headers.authorization === 'Bearer t1'
        ? { body: { user: me } }
        : { status: 401, body: { error: { code: 'UNAUTHORIZED', message: 'bad token' } } },
    'GET /conversations': () => ({
      body: { conversations: [conversation({ id: 'c1', lastSeq: 2, readSeq: 0, unread: 2, activeAt: 1002, lastMessage: message({ seq: 2 }) })] },
    }),
    'GET /conversations/c9': () => ({ body: { conversation: conversation({ id: 'c9', activeAt: 50 }) } }),
    'GET /friends': () => ({ body: { friends: [friend(PEER, 'Peer')] } }),
    'GET /requests': () => ({ body: { requests: [friendRequest('r1', 10)] } }),
    'GET /conversations/c1/messages': () => ({ body: { messages: [message({ seq: 1 }), message({ seq: 2 })], hasMore: false } }),
    'POST /requests/r1/accept': () => ({ body: { request: friendRequest('r1', 10, { status: 'accepted', updatedAt: 20 }) } }),
  });
  const sockets = fakeIo();
  let ids = 0;
  const client = createChatClient({
    url: 'http://chat.test',
    fetch: server.fetch,
    io: sockets.io,
    now: () => 5000,
    createId: () => `id-${++ids}`,
    ...extra,
  });
  return { client, server, sockets };
}

async function loggedIn(extra: Partial<ChatClientOptions> = {}) {
  const context = setup(extra);
  await context.client.login('me', 'password1');
  context.sockets.socket.open();
  return context;
}

/** What the client emitted for one event (the sync on connect is left out). */
const sent = (socket: { emitted: { event: string; payload: unknown }[] }, event: string) => socket.emitted.filter((emit) => emit.event === event);

const unauthorized = () => Object.assign(new Error('unauthorized'), { data: { code: 'UNAUTHORIZED' } });

describe('createChatClient', () => {
  it('logs in, keeps the session, connects with the token and loads conversations, friends and requests', async () => {
    const storage = memoryStorage();
    const { client, server, sockets } = setup({ storage });
    const user = await client.login('me', 'password1');

    expect(user).toEqual(me);
    expect(JSON.parse(storage.getItem('confab.session') ?? '{}')).toMatchObject({ token: 't1', userId: ME });
    expect(sockets.urls).toEqual(['http://chat.test']);
    expect(client.getState().connection).toBe('connecting');
    sockets.socket.open();
    expect(sockets.socket.authToken).toBe('t1');

    const state = client.getState();
    expect(state.connection).toBe('connected');
    expect(state.me).toEqual(me);
    expect(state.conversations).toMatchObject({ loaded: true, unreadTotal: 2 });
    expect(state.friends.map((item) => item.user.id)).toEqual([PEER]);
    expect(state.requests.map((request) => request.id)).toEqual(['r1']);
    expect(server.calls.find((call) => call.path === '/conversations')?.headers.authorization).toBe('Bearer t1');
    expect(server.calls[0]?.body).toEqual({ username: 'me', password: 'password1' });
  });

  it('shows a send as pending at once and as sent with its server seq after the ack', async () => {
    const { client, sockets } = await loggedIn();
    await client.openConversation('c1');
    const ack = deferred<unknown>();
    sockets.socket.acks['message:send'] = () => ack.promise;

    const sending = client.sendText('c1', '  hello  ');
    expect(client.getState().messages.c1?.items.at(-1)).toMatchObject({ state: 'sending', message: { seq: 0, clientMsgId: 'id-1', content: { text: 'hello' } } });
    expect(sent(sockets.socket, 'message:send')[0]).toEqual({ event: 'message:send', payload: { conversationId: 'c1', clientMsgId: 'id-1', type: 'text', content: { text: 'hello' } } });

    const stored: Message = message({ seq: 3, senderId: ME, clientMsgId: 'id-1', content: { text: 'hello' }, createdAt: 3000 });
    ack.resolve({ ok: true, message: stored });
    await expect(sending).resolves.toEqual(stored);
    sockets.socket.serverEmit('message:new', stored);

    const state = client.getState();
    expect(state.messages.c1?.items.map((item) => `${item.message.seq}:${item.state}`)).toEqual(['1:sent', '2:sent', '3:sent']);
    expect(state.conversations.list[0]).toMatchObject({ id: 'c1', lastSeq: 3, readSeq: 3, unread: 0, activeAt: 3000 });
    expect(state.conversations.list[0]?.lastMessage).toEqual(stored);
  });

  it('rejects empty and too long texts before sending anything', async () => {
    const { client, sockets } = await loggedIn();
    const empty = await client.sendText('c1', '   ').catch((error: ConfabError) => error);
    const invisible = await client.sendText('c1', '\u200B\u200B').catch((error: ConfabError) => error);
    const long = await client.sendText('c1', 'x'.repeat(4001)).catch((error: ConfabError) => error);
    const longEmoji = await client.sendText('c1', '😀'.repeat(4001)).catch((error: ConfabError) => error);
    expect(isConfabError(empty) && empty.code).toBe('VALIDATION');
    expect(isConfabError(invisible) && invisible.code).toBe('VALIDATION');
    expect(isConfabError(long) && long.code).toBe('TOO_LARGE');
    expect(isConfabError(longEmoji) && longEmoji.code).toBe('TOO_LARGE');
    expect(sent(sockets.socket, 'message:send')).toEqual([]);
    expect(client.getState().messages.c1).toBeUndefined();
  });

  it('marks a rejected send failed with the error and retries it with the same clientMsgId', async () => {
    const { client, sockets } = await loggedIn();
    await client.openConversation('c1');
    const errors: string[] = [];
    client.on('error', (error) => errors.push(error.code));
    sockets.socket.acks['message:send'] = () => ({ ok: false, error: { code: 'NOT_FRIENDS', message: 'not friends' } });

    const failure = await client.sendText('c1', 'hi').catch((error: ConfabError) => error);
    expect(isConfabError(failure) && failure.code).toBe('NOT_FRIENDS');
    expect(errors).toEqual(['NOT_FRIENDS']);
    expect(client.getState().messages.c1?.items.at(-1)).toMatchObject({ state: 'failed', error: { code: 'NOT_FRIENDS', message: 'not friends' } });

    const stored = message({ seq: 3, senderId: ME, clientMsgId: 'id-1', content: { text: 'hi' } });
    sockets.socket.acks['message:send'] = () => ({ ok: true, message: stored });
    await expect(client.retry('c1', 'id-1')).resolves.toEqual(stored);
    expect(sent(sockets.socket, 'message:send').map((emit) => (emit.payload as { clientMsgId: string }).clientMsgId)).toEqual(['id-1', 'id-1']);
    expect(client.getState().messages.c1?.items.map((item) => `${item.message.seq}:${item.state}`)).toEqual(['1:sent', '2:sent', '3:sent']);
  });

  it('retries a send without an ack with the same clientMsgId, and fails it after sendFailAfterMs', async () => {
    const { client, sockets } = await loggedIn({ sendFailAfterMs: 400 });
    const failure = await client.sendText('c1', 'hi').catch((error: ConfabError) => error);
    expect(isConfabError(failure) && failure.code).toBe('TIMEOUT');
    expect(client.getState().messages.c1?.items[0]?.state).toBe('failed');
    const attempts = sent(sockets.socket, 'message:send').map((emit) => (emit.payload as { clientMsgId: string }).clientMsgId);
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(attempts)).toEqual(new Set(['id-1']));
  });

  it('marks read optimistically and stays at zero unread when the server echo arrives', async () => {
    const { client, sockets } = await loggedIn();
    await client.openConversation('c1');
    const ack = deferred<unknown>();
    sockets.socket.acks['conversation:read'] = () => ack.promise;

    const reading = client.markRead('c1');
    expect(client.getState().conversations.list[0]).toMatchObject({ readSeq: 2, unread: 0 });
    expect(client.getState().conversations.unreadTotal).toBe(0);
    expect(sent(sockets.socket, 'conversation:read')).toEqual([{ event: 'conversation:read', payload: { conversationId: 'c1', seq: 2 } }]);

    sockets.socket.serverEmit('conversation:read', { conversationId: 'c1', userId: ME, readSeq: 2 });
    ack.resolve({ ok: true, conversationId: 'c1', readSeq: 2, unread: 0 });
    await reading;
    expect(client.getState().conversations.list[0]).toMatchObject({ readSeq: 2, unread: 0 });

    await client.markRead('c1');
    expect(sent(sockets.socket, 'conversation:read')).toHaveLength(1);
    sockets.socket.serverEmit('conversation:read', { conversationId: 'c1', userId: PEER, readSeq: 2 });
    expect(client.getState().conversations.list[0]).toMatchObject({ peerReadSeq: 2 });
  });

  it('counts a live message from the peer as unread and announces it', async () => {
    const { client, sockets } = await loggedIn();
    const announced: number[] = [];
    client.on('message', (item) => announced.push(item.seq));
    sockets.socket.serverEmit('message:new', message({ seq: 3 }));
    sockets.socket.serverEmit('message:new', message({ seq: 3 }));
    expect(announced).toEqual([3]);
    expect(client.getState().conversations).toMatchObject({ unreadTotal: 3 });
  });

  it('fetches an unknown conversation for its first message instead of inventing it', async () => {
    const { client, sockets, server } = await loggedIn();
    sockets.socket.serverEmit('message:new', message({ conversationId: 'c9', seq: 1, createdAt: 7000 }));
    await settle(20);
    expect(server.calls.some((call) => call.path === '/conversations/c9')).toBe(true);
    expect(client.getState().conversations.list[0]).toMatchObject({ id: 'c9', lastSeq: 1, unread: 1, activeAt: 7000 });
  });

  it('becomes expired and stops reconnecting when the token is refused and getToken has none', async () => {
    const { client, sockets } = await loggedIn({ getToken: () => null });
    const socket = sockets.socket;
    const connects = socket.connects;
    socket.serverEmit('connect_error', unauthorized());
    await settle();
    expect(client.getState().connection).toBe('expired');
    expect(socket.active).toBe(false);
    expect(socket.connects).toBe(connects);
  });

  it('retries a handshake the server refused as UNAVAILABLE (a node without Redis) after a pause, without reporting an error', async () => {
    const { client, sockets } = await loggedIn();
    const socket = sockets.socket;
    const errors: string[] = [];
    client.on('error', (error) => errors.push(error.code));
    const connects = socket.connects;
    socket.active = false;
    socket.serverEmit('connect_error', Object.assign(new Error('lost Redis'), { data: { code: 'UNAVAILABLE' } }));
    expect(client.getState().connection).toBe('reconnecting');
    expect(socket.connects).toBe(connects);
    await new Promise((resolve) => timers.setTimeout(() => resolve(undefined), 600));
    expect(socket.connects).toBe(connects + 1);
    expect(errors).not.toContain('UNAVAILABLE');
    socket.open();
    expect(client.getState().connection).toBe('connected');
  });

  it('reconnects with a fresh token from getToken, but only once per connection', async () => {
    const { client, sockets } = await loggedIn({ getToken: () => 't2' });
    const socket = sockets.socket;
    socket.serverEmit('session:expired', { reason: 'expired' });
    await settle();
    expect(socket.connects).toBe(1);
    expect(client.getState().connection).toBe('reconnecting');

    socket.serverEmit('connect_error', unauthorized());
    await settle();
    expect(client.getState().connection).toBe('expired');
    expect(socket.connects).toBe(1);
  });

  it('sends the renewed token on the reconnect', async () => {
    const { client, sockets } = await loggedIn({ getToken: () => 't2' });
    sockets.socket.serverEmit('connect_error', unauthorized());
    await settle();
    sockets.socket.open();
    expect(sockets.socket.authToken).toBe('t2');
    expect(client.getState().connection).toBe('connected');
  });

  it('syncs from its cursors after a reconnect, paging until the loaded timeline misses nothing', async () => {
    const { client, sockets, server } = await loggedIn();
    await client.openConversation('c1');
    sockets.socket.serverEmit('disconnect', 'transport close');
    expect(client.getState().connection).toBe('reconnecting');
    const pages = [
      { conversations: [{ conversation: conversation({ id: 'c1', lastSeq: 4, readSeq: 1, unread: 3, activeAt: 1004 }), messages: [message({ seq: 3 })], hasMore: true }] },
      { conversations: [{ conversation: conversation({ id: 'c1', lastSeq: 4, readSeq: 1, unread: 3, activeAt: 1004 }), messages: [message({ seq: 4 })], hasMore: false }] },
      { conversations: [] },
    ];
    sockets.socket.acks.sync = () => ({ ok: true, ...pages.shift() });
    sockets.socket.open();
    await settle(60);
    expect(client.getState().connection).toBe('connected');
    expect(server.calls.filter((call) => call.path === '/conversations')).toHaveLength(2);
    const cursors = sent(sockets.socket, 'sync').map((emit) => (emit.payload as { cursors: unknown[] }).cursors);
    expect(cursors.slice(-2)).toEqual([
      [{ conversationId: 'c1', seq: 2, readSeq: 0, peerReadSeq: 0, changeSeq: 0 }],
      [{ conversationId: 'c1', seq: 3, readSeq: 1, peerReadSeq: 0, changeSeq: 0 }],
    ]);
    expect(client.getState().messages.c1?.items.map((item) => item.message.seq)).toEqual([1, 2, 3, 4]);
    expect(client.getState().conversations.list[0]).toMatchObject({ lastSeq: 4, readSeq: 1, unread: 3 });
  });

  it('shows a recall and an edit made while it was offline after reconnecting, and follows live changes', async () => {
    const { client, sockets } = await loggedIn();
    await client.openConversation('c1');
    sockets.socket.serverEmit('disconnect', 'transport close');
    const recalled = { ...message({ seq: 1 }), type: 'recalled', content: { byId: PEER, byName: 'Peer', recalledAt: 3000 } } as Message;
    const edited = message({ seq: 2, content: { text: 'edited', editedAt: 3001 } });
    const answers = [
      { conversations: [{ conversation: conversation({ id: 'c1', lastSeq: 2, activeAt: 1002, lastMessage: edited, changeSeq: 2 }), messages: [], hasMore: false, changes: [recalled, edited], changeSeq: 2, hasMoreChanges: false }] },
      { conversations: [] },
    ];
    sockets.socket.acks.sync = () => ({ ok: true, ...answers.shift() });
    sockets.socket.open();
    await settle(60);
    const cursors = sent(sockets.socket, 'sync').map((emit) => (emit.payload as { cursors: { changeSeq?: number }[] }).cursors[0]?.changeSeq);
    expect(cursors.at(-1)).toBe(0);
    const items = client.getState().messages.c1?.items ?? [];
    expect(items.map((item) => item.message.type)).toEqual(['recalled', 'text']);
    expect(items[1]?.message.content).toEqual({ text: 'edited', editedAt: 3001 });
    expect(client.getState().messages.c1?.changeSeq).toBe(2);

    // The next live change is applied in step; one past a gap is shown and makes the client sync.
    const syncsBefore = sent(sockets.socket, 'sync').length;
    sockets.socket.serverEmit('message:changed', { message: { ...edited, content: { text: 'again', editedAt: 3002 } }, changeSeq: 3 });
    expect(client.getState().messages.c1?.changeSeq).toBe(3);
    expect(sent(sockets.socket, 'sync').length).toBe(syncsBefore);
    sockets.socket.acks.sync = () => ({ ok: true, conversations: [] });
    sockets.socket.serverEmit('message:changed', { message: { ...message({ seq: 2 }), type: 'hidden', content: {} }, changeSeq: 6 });
    await settle(20);
    expect(client.getState().messages.c1?.items[1]?.message.type).toBe('hidden');
    expect(client.getState().messages.c1?.changeSeq).toBe(3);
    expect(sent(sockets.socket, 'sync').length).toBe(syncsBefore + 1);
  });

  it('recalls, edits, deletes for me and reacts through acked socket events, applying the answer at once', async () => {
    const { client, sockets } = await loggedIn();
    await client.openConversation('c1');
    const mine = message({ seq: 2, senderId: ME });
    sockets.socket.acks['message:edit'] = (payload) => ({ ok: true, message: { ...mine, content: { text: (payload as { text: string }).text, editedAt: 1 } }, changeSeq: 1 });
    sockets.socket.acks['message:recall'] = () => ({ ok: true, message: { ...mine, type: 'recalled', content: { byId: ME, byName: 'Me', recalledAt: 2 } }, changeSeq: 2 });
    sockets.socket.acks['message:hide'] = () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'No such message' } });
    await expect(client.edit(mine.id, '  ')).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await client.edit(mine.id, ' better ')).content).toEqual({ text: 'better', editedAt: 1 });
    expect(sent(sockets.socket, 'message:edit').map((emit) => emit.payload)).toEqual([{ messageId: mine.id, text: 'better' }]);
    await client.recall(mine.id);
    expect(client.getState().messages.c1?.items[1]?.message.type).toBe('recalled');
    expect(client.getState().messages.c1?.changeSeq).toBe(2);
    await expect(client.deleteForMe('m-x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const theirs = message({ seq: 1 });
    sockets.socket.acks['message:react'] = () => ({ ok: true, message: { ...theirs, reactions: [{ emoji: '👍', userIds: [ME] }] }, changeSeq: 3 });
    await client.react(theirs.id, '👍', true);
    expect(sent(sockets.socket, 'message:react').map((emit) => emit.payload)).toEqual([{ messageId: theirs.id, emoji: '👍', on: true }]);
    expect(client.getState().messages.c1?.items[0]?.message.reactions).toEqual([{ emoji: '👍', userIds: [ME] }]);
  });

  it('stops calling a handler once its unsubscribe was called', async () => {
    const { client } = setup();
    const seen: string[] = [];
    const off = client.on('connection', (state) => seen.push(state));
    await client.login('me', 'password1');
    off();
    client.logout();
    expect(seen).toEqual(['connecting']);
  });

  it('resolves resume to null and forgets a stored token the server refuses', async () => {
    const storage = memoryStorage({ 'confab.session': JSON.stringify({ token: 'dead' }) });
    const { client, sockets } = setup({ storage });
    await expect(client.resume()).resolves.toBeNull();
    expect(storage.getItem('confab.session')).toBeNull();
    expect(sockets.sockets).toHaveLength(0);
  });

  it('resumes a stored session and connects', async () => {
    const storage = memoryStorage({ 'confab.session': JSON.stringify({ token: 't1' }) });
    const { client, sockets } = setup({ storage });
    await expect(client.resume()).resolves.toEqual(me);
    expect(sockets.sockets).toHaveLength(1);
    expect(client.getState().conversations.loaded).toBe(true);
  });

  it('forgets the session and all state on logout', async () => {
    const storage = memoryStorage();
    const { client, sockets } = await loggedIn({ storage });
    client.logout();
    expect(storage.getItem('confab.session')).toBeNull();
    expect(sockets.socket.active).toBe(false);
    expect(client.getState()).toMatchObject({ connection: 'idle', me: null, friends: [], requests: [], messages: {} });
    expect(client.getState().conversations.list).toEqual([]);
  });

  it('upserts live requests and the answer of an accept into one entry', async () => {
    const { client, sockets } = await loggedIn();
    const announced: string[] = [];
    client.on('request', (request) => announced.push(request.id));
    sockets.socket.serverEmit('request:new', friendRequest('r2', 30));
    await client.acceptRequest('r1');
    expect(announced).toEqual(['r2']);
    expect(client.getState().requests.map((request) => `${request.id}:${request.status}`)).toEqual(['r2:pending', 'r1:accepted']);
  });

  it('loads older messages before the oldest one and tracks loading', async () => {
    const { client, server } = await loggedIn();
    await client.openConversation('c1');
    expect(server.calls.filter((call) => call.path.startsWith('/conversations/c1/messages')).map((call) => call.path)).toEqual([
      '/conversations/c1/messages?limit=50',
    ]);
    await client.openConversation('c1');
    expect(server.calls.filter((call) => call.path.startsWith('/conversations/c1/messages'))).toHaveLength(1);
    expect(client.getState().messages.c1).toMatchObject({ hasOlder: false, loading: false });
  });
});
