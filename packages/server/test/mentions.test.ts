import type { AuthResponse, Conversation, Message } from '@confab/protocol';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, promote } from './group-helpers.js';
import { api, befriend, clientMsgId, connect, countRows, emitWithAck, friendPair, nextEvent, openDb, registerUser, startServer, type ClientSocket, type TestServer } from './helpers.js';

let t: TestServer;
let db: Database;
beforeAll(async () => {
  t = await startServer();
  db = openDb(t.config);
});
afterAll(async () => {
  db.close();
  await t.stop();
});

/** A group of alice (owner), bob, carol and dave (members), with a socket each. */
async function team() {
  const [alice, bob, carol, dave] = await Promise.all(['alice', 'bob', 'carol', 'dave'].map((name) => registerUser(t.url, name))) as [AuthResponse, AuthResponse, AuthResponse, AuthResponse];
  for (const member of [bob, carol, dave]) await befriend(t.url, alice, member);
  const group = await createGroup(t.url, alice, [bob, carol, dave]);
  const [a, b, c, d] = await Promise.all([alice, bob, carol, dave].map((person) => connect(t.url, person.token)));
  return { alice, bob, carol, dave, groupId: group.id, a: a!, b: b!, c: c!, d: d! };
}

const send = (socket: ClientSocket, conversationId: string, text: string, mentions?: unknown) =>
  emitWithAck(socket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text }, ...(mentions === undefined ? {} : { mentions }) });
const sent = async (socket: ClientSocket, conversationId: string, text: string, mentions?: unknown): Promise<Message> => {
  const reply = await send(socket, conversationId, text, mentions);
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.message;
};
/** The conversation as `person` sees it in their list. */
const listed = async (person: AuthResponse, id: string): Promise<Conversation> =>
  (await api(t.url, 'GET', '/conversations', { token: person.token })).body.conversations.find((conversation: Conversation) => conversation.id === id);
const lastSeq = (conversationId: string) => (db.prepare('SELECT last_seq FROM conversations WHERE id = ?').get(conversationId) as { last_seq: number }).last_seq;

describe('mentions', () => {
  it('stores the mentioned ids with the message, live and in history, and counts them for the mentioned member only, muted or not', async () => {
    const { alice, bob, carol, groupId, a, b, c } = await team();
    await emitWithAck(b, 'conversation:settings', { conversationId: groupId, muted: true });
    const live = nextEvent(b, 'message:new');
    const message = await sent(c, groupId, '@Bob @Bob can you look?', { userIds: [bob.user.id, bob.user.id] });
    expect(message.content).toEqual({ text: '@Bob @Bob can you look?', mentions: { userIds: [bob.user.id] } });
    expect((await live).content).toEqual(message.content);
    const history = await api(t.url, 'GET', `/conversations/${groupId}/messages`, { token: alice.token });
    expect(history.body.messages.at(-1).content.mentions).toEqual({ userIds: [bob.user.id] });

    expect(await listed(bob, groupId)).toMatchObject({ muted: true, mentionSeqs: [message.seq], unread: 1 });
    expect((await listed(alice, groupId)).mentionSeqs).toEqual([]);
    expect((await listed(carol, groupId)).mentionSeqs).toEqual([]);
    expect((await api(t.url, 'GET', `/conversations/${groupId}`, { token: bob.token })).body.conversation.mentionSeqs).toEqual([message.seq]);

    // Reading clears it (on the read position: a later mention stays until read).
    await emitWithAck(b, 'conversation:read', { conversationId: groupId, seq: message.seq });
    expect((await listed(bob, groupId)).mentionSeqs).toEqual([]);
    const later = await sent(a, groupId, 'again @Bob', { userIds: [bob.user.id] });
    await sent(a, groupId, 'and more');
    await emitWithAck(b, 'conversation:read', { conversationId: groupId, seq: later.seq - 1 });
    expect((await listed(bob, groupId)).mentionSeqs).toEqual([later.seq]);
    await emitWithAck(b, 'conversation:read', { conversationId: groupId, seq: later.seq + 1 });
    expect((await listed(bob, groupId)).mentionSeqs).toEqual([]);
  });

  it('lets only the owner and admins mention @all: a member is FORBIDDEN and nothing is written', async () => {
    const { alice, bob, carol, dave, groupId, a, b, c } = await team();
    const before = { messages: countRows(db, 'messages'), mentions: countRows(db, 'message_mentions'), seq: lastSeq(groupId) };
    const refused = await send(b, groupId, '@all lunch?', { userIds: [], all: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Only the owner and admins may mention @all' } });
    expect({ messages: countRows(db, 'messages'), mentions: countRows(db, 'message_mentions'), seq: lastSeq(groupId) }).toEqual(before);
    expect(b.connected).toBe(true);

    const byOwner = await sent(a, groupId, '@all standup now', { userIds: [], all: true });
    expect(byOwner.content).toEqual({ text: '@all standup now', mentions: { userIds: [], all: true } });
    await promote(t.url, alice, groupId, carol);
    const byAdmin = await sent(c, groupId, '@all and @Bob', { userIds: [bob.user.id], all: true });
    // Everyone but the sender; bob, named and in @all, counts the message once.
    expect((await listed(bob, groupId)).mentionSeqs).toEqual([byOwner.seq, byAdmin.seq]);
    expect((await listed(dave, groupId)).mentionSeqs).toEqual([byOwner.seq, byAdmin.seq]);
    // Sending moved carol's read cursor past the owner's @all.
    expect((await listed(carol, groupId)).mentionSeqs).toEqual([]);
    expect((await listed(alice, groupId)).mentionSeqs).toEqual([byAdmin.seq]);
  });

  it('refuses bad mentions with a coded error, writes nothing and keeps the connection', async () => {
    const { bob, groupId, a, b } = await team();
    const outsider = await registerUser(t.url, 'mallory');
    const { bob: friend, conversationId: direct } = await friendPair(t.url);
    const f = await connect(t.url, friend.token);
    const before = { messages: countRows(db, 'messages'), mentions: countRows(db, 'message_mentions') };
    const cases: [unknown, string, string, string?][] = [
      [{ userIds: [outsider.user.id] }, '@Mallory hi', 'VALIDATION', `Only members of this group can be mentioned; ${outsider.user.id} is not one`],
      [{ userIds: ['u_nobody'] }, '@Nobody hi', 'VALIDATION'],
      [{ userIds: [bob.user.id] }, 'no at sign here', 'VALIDATION', 'Each mention needs its @Name in the text'],
      [{ userIds: [bob.user.id], all: true }, '@Bob only one', 'VALIDATION'],
      [{ userIds: Array.from({ length: 21 }, (_, i) => `u_${i}`) }, '@'.repeat(21), 'TOO_LARGE'],
      [{ userIds: bob.user.id }, '@Bob', 'VALIDATION'],
      [{ userIds: [bob.user.id], all: 'yes' }, '@Bob', 'VALIDATION'],
      [{ userIds: [bob.user.id], names: ['Bob'] }, '@Bob', 'VALIDATION'],
      [{ all: true }, '@all', 'VALIDATION'],
      [{ userIds: [''] }, '@', 'VALIDATION'],
    ];
    for (const [mentions, text, code, message] of cases) {
      const reply = await send(a, groupId, text, mentions);
      expect(reply, JSON.stringify(mentions)).toMatchObject({ ok: false, error: { code, ...(message ? { message } : {}) } });
    }
    // A 1:1 conversation has no mentions.
    expect(await send(f, direct, '@Alice hi', { userIds: [friend.user.id] })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Mentions are for group conversations only' } });
    expect({ messages: countRows(db, 'messages'), mentions: countRows(db, 'message_mentions') }).toEqual(before);
    expect(a.connected && b.connected && f.connected).toBe(true);
    // An empty list is no mention at all: the text is stored without one.
    expect((await sent(a, groupId, 'plain', { userIds: [] })).content).toEqual({ text: 'plain' });
  });

  it('drops a member removed from the group from what can be mentioned', async () => {
    const { alice, dave, groupId, a } = await team();
    const removed = await api(t.url, 'DELETE', `/groups/${groupId}/members/${dave.user.id}`, { token: alice.token });
    expect(removed.status).toBe(200);
    expect(await send(a, groupId, '@Dave?', { userIds: [dave.user.id] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('keeps mentions through an edit; a recall or the reader deleting it for themselves takes it out of the count', async () => {
    const { bob, carol, groupId, a, b, c } = await team();
    const first = await sent(a, groupId, '@Bob @Carol first', { userIds: [bob.user.id, carol.user.id] });
    const second = await sent(a, groupId, '@Bob second', { userIds: [bob.user.id] });
    const edited = await emitWithAck(a, 'message:edit', { messageId: second.id, text: '@Bob second, edited' });
    expect(edited.message.content).toMatchObject({ text: '@Bob second, edited', mentions: { userIds: [bob.user.id] } });
    expect((await listed(bob, groupId)).mentionSeqs).toEqual([first.seq, second.seq]);

    await emitWithAck(a, 'message:recall', { messageId: first.id });
    expect((await listed(bob, groupId)).mentionSeqs).toEqual([second.seq]);
    expect((await listed(carol, groupId)).mentionSeqs).toEqual([]);
    await emitWithAck(b, 'message:hide', { messageId: second.id });
    expect((await listed(bob, groupId)).mentionSeqs).toEqual([]);
    expect(c.connected).toBe(true);
  });

  it('brings a device that was away its mentions through sync', async () => {
    const { bob, groupId, a, b } = await team();
    const message = await sent(a, groupId, 'hey @Bob', { userIds: [bob.user.id] });
    const reply = await emitWithAck(b, 'sync', { cursors: [{ conversationId: groupId, seq: 1, readSeq: 1 }] });
    const synced = reply.conversations.find((entry: { conversation: Conversation }) => entry.conversation.id === groupId);
    expect(synced.conversation.mentionSeqs).toEqual([message.seq]);
    expect(synced.messages.at(-1).content.mentions).toEqual({ userIds: [bob.user.id] });
  });
});
