import type { AuthResponse, Message } from '@confab/protocol';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, promote } from './group-helpers.js';
import { api, befriend, clientMsgId, connect, emitWithAck, friendPair, nextEvent, openDb, record, registerUser, sleep, startServer, type ClientSocket, type TestServer } from './helpers.js';

let t: TestServer;
/** A server whose recall and edit windows are 1 second, for the "too late" cases. */
let short: TestServer;
let db: Database;
beforeAll(async () => {
  [t, short] = await Promise.all([startServer(), startServer(['--recall-window', '1', '--edit-window', '1'])]);
  db = openDb(t.config);
});
afterAll(async () => {
  db.close();
  await Promise.all([t.stop(), short.stop()]);
});

const say = async (socket: ClientSocket, conversationId: string, text: string): Promise<Message> =>
  (await emitWithAck(socket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text } })).message;

/** The stored row of a message, as the database holds it. */
const row = (database: Database, id: string) => database.prepare('SELECT type, content, change_seq FROM messages WHERE id = ?').get(id) as { type: string; content: string; change_seq: number | null };
const changeSeqOf = (database: Database, conversationId: string) =>
  (database.prepare('SELECT change_seq FROM conversations WHERE id = ?').get(conversationId) as { change_seq: number }).change_seq;

describe('recall', () => {
  it('replaces the message for every member with "alice recalled a message" and deletes its content from storage', async () => {
    const { alice, bob, conversationId } = await friendPair(t.url);
    const [a, b] = await Promise.all([connect(t.url, alice.token), connect(t.url, bob.token)]);
    const sent = await say(a, conversationId, 'my secret plan');
    const heard = nextEvent(b, 'message:changed');
    const reply = await emitWithAck(a, 'message:recall', { messageId: sent.id });
    expect(reply).toMatchObject({ ok: true, changeSeq: 1, message: { id: sent.id, seq: sent.seq, type: 'recalled', content: { byId: alice.user.id, byName: 'alice' } } });
    expect(await heard).toEqual({ message: reply.message, changeSeq: 1 });
    const stored = row(db, sent.id);
    expect(stored.type).toBe('recalled');
    expect(stored.content).not.toContain('secret');
    expect(stored.change_seq).toBe(1);
    // The list's preview and the history show the recall too.
    const list = (await api(t.url, 'GET', '/conversations', { token: bob.token })).body.conversations;
    expect(list.find((c: { id: string }) => c.id === conversationId)).toMatchObject({ changeSeq: 1, lastMessage: { id: sent.id, type: 'recalled' } });
    const history = (await api(t.url, 'GET', `/conversations/${conversationId}/messages`, { token: bob.token })).body;
    expect(history).toMatchObject({ changeSeq: 1, messages: [{ id: sent.id, type: 'recalled' }] });
    // Twice: refused, nothing more written.
    expect(await emitWithAck(a, 'message:recall', { messageId: sent.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(changeSeqOf(db, conversationId)).toBe(1);
  });

  it("refuses the peer's recall of a direct message and a stranger's, writing nothing", async () => {
    const { alice, bob, conversationId } = await friendPair(t.url);
    const carol = await registerUser(t.url, 'carol');
    const [a, b, c] = await Promise.all([connect(t.url, alice.token), connect(t.url, bob.token), connect(t.url, carol.token)]);
    const sent = await say(a, conversationId, 'mine');
    expect(await emitWithAck(b, 'message:recall', { messageId: sent.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await emitWithAck(c, 'message:recall', { messageId: sent.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await emitWithAck(a, 'message:recall', { messageId: 'm_nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(row(db, sent.id)).toEqual({ type: 'text', content: JSON.stringify({ text: 'mine' }), change_seq: null });
    expect(changeSeqOf(db, conversationId)).toBe(0);
  });

  it('refuses a recall after the configured window with TOO_LATE, writing nothing', async () => {
    const { alice, conversationId } = await friendPair(short.url);
    const a = await connect(short.url, alice.token);
    const sent = await say(a, conversationId, 'too slow');
    await sleep(1100);
    const reply = await emitWithAck(a, 'message:recall', { messageId: sent.id });
    expect(reply).toMatchObject({ ok: false, error: { code: 'TOO_LATE', details: { windowMs: 1000 } } });
    const shortDb = openDb(short.config);
    expect(row(shortDb, sent.id).type).toBe('text');
    shortDb.close();
  });

  it('lets a group owner recall anyone and an admin any member, at any time; a member only their own', async () => {
    const owner = await registerUser(short.url, 'olga');
    const [admin, member, other] = await Promise.all(['adam', 'mia', 'otto'].map((name) => registerUser(short.url, name)));
    for (const friend of [admin, member, other] as AuthResponse[]) await befriend(short.url, owner, friend);
    const group = await createGroup(short.url, owner, [admin, member, other] as AuthResponse[]);
    await promote(short.url, owner, group.id, admin as AuthResponse);
    const [o, ad, me, ot] = await Promise.all([owner, admin, member, other].map((user) => connect(short.url, (user as AuthResponse).token)));
    const fromMember = await say(me as ClientSocket, group.id, 'member says');
    const fromOther = await say(ot as ClientSocket, group.id, 'other says');
    const fromOwner = await say(o as ClientSocket, group.id, 'owner says');
    const fromAdmin = await say(ad as ClientSocket, group.id, 'admin says');
    const notices = (await api(short.url, 'GET', `/conversations/${group.id}/messages`, { token: owner.token })).body.messages.filter((m: Message) => m.type === 'system');
    await sleep(1100); // past the sender's window: owners and admins are not bound by it
    expect(await emitWithAck(me as ClientSocket, 'message:recall', { messageId: fromOther.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await emitWithAck(ad as ClientSocket, 'message:recall', { messageId: fromOwner.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await emitWithAck(o as ClientSocket, 'message:recall', { messageId: notices[0].id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const byAdmin = await emitWithAck(ad as ClientSocket, 'message:recall', { messageId: fromMember.id });
    expect(byAdmin).toMatchObject({ ok: true, message: { type: 'recalled', senderId: (member as AuthResponse).user.id, content: { byId: (admin as AuthResponse).user.id, byName: 'adam' } } });
    expect(await emitWithAck(o as ClientSocket, 'message:recall', { messageId: fromAdmin.id })).toMatchObject({ ok: true, changeSeq: 2 });
  });
});

describe('edit', () => {
  it('replaces the text of your own message, marked edited, for every member', async () => {
    const { alice, bob, conversationId } = await friendPair(t.url);
    const [a, b] = await Promise.all([connect(t.url, alice.token), connect(t.url, bob.token)]);
    const sent = await say(a, conversationId, 'helo');
    const heard = nextEvent(b, 'message:changed');
    const reply = await emitWithAck(a, 'message:edit', { messageId: sent.id, text: 'hello' });
    expect(reply).toMatchObject({ ok: true, changeSeq: 1, message: { id: sent.id, type: 'text', content: { text: 'hello', editedAt: expect.any(Number) } } });
    expect((await heard).message.content).toEqual(reply.message.content);
    expect(JSON.parse(row(db, sent.id).content).text).toBe('hello');
  });

  it("refuses someone else's message, a recalled one, a late one and bad text, writing nothing", async () => {
    const { alice, bob, conversationId } = await friendPair(t.url);
    const [a, b] = await Promise.all([connect(t.url, alice.token), connect(t.url, bob.token)]);
    const sent = await say(a, conversationId, 'original');
    expect(await emitWithAck(b, 'message:edit', { messageId: sent.id, text: 'hijacked' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await emitWithAck(a, 'message:edit', { messageId: sent.id, text: 'x'.repeat(4001) })).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    for (const payload of [{ messageId: sent.id, text: '' }, { messageId: sent.id }, { messageId: sent.id, text: 'a', extra: 1 }, { messageId: 7, text: 'a' }]) {
      expect(await emitWithAck(a, 'message:edit', payload)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await emitWithAck(a, 'message:edit', { messageId: sent.id, text: ' \u200b ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(row(db, sent.id)).toEqual({ type: 'text', content: JSON.stringify({ text: 'original' }), change_seq: null });
    await emitWithAck(a, 'message:recall', { messageId: sent.id });
    expect(await emitWithAck(a, 'message:edit', { messageId: sent.id, text: 'back' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(changeSeqOf(db, conversationId)).toBe(1);

    const late = await friendPair(short.url);
    const la = await connect(short.url, late.alice.token);
    const old = await say(la, late.conversationId, 'old');
    await sleep(1100);
    expect(await emitWithAck(la, 'message:edit', { messageId: old.id, text: 'new' })).toMatchObject({ ok: false, error: { code: 'TOO_LATE' } });
  });
});

describe('delete for me', () => {
  it("hides a message on all of one user's devices only, and stays hidden in history and sync", async () => {
    const { alice, bob, conversationId } = await friendPair(t.url);
    const [a, b1, b2] = await Promise.all([connect(t.url, alice.token), connect(t.url, bob.token), connect(t.url, bob.token)]);
    const sent = await say(a, conversationId, 'embarrassing');
    const aliceHeard = record(a, 'message:changed');
    const otherDevice = nextEvent(b2, 'message:changed');
    const reply = await emitWithAck(b1, 'message:hide', { messageId: sent.id });
    expect(reply).toMatchObject({ ok: true, changeSeq: 1, message: { id: sent.id, seq: sent.seq, type: 'hidden', content: {} } });
    expect(await otherDevice).toEqual({ message: reply.message, changeSeq: 1 });
    // Again: the same answer, nothing written.
    expect(await emitWithAck(b1, 'message:hide', { messageId: sent.id })).toMatchObject({ ok: true, changeSeq: 1 });
    const bobHistory = (await api(t.url, 'GET', `/conversations/${conversationId}/messages`, { token: bob.token })).body.messages;
    const aliceHistory = (await api(t.url, 'GET', `/conversations/${conversationId}/messages`, { token: alice.token })).body.messages;
    expect(bobHistory.map((m: Message) => m.type)).toEqual(['hidden']);
    expect(bobHistory[0].content).toEqual({});
    expect(aliceHistory[0].content).toEqual({ text: 'embarrassing' });
    const bobList = (await api(t.url, 'GET', '/conversations', { token: bob.token })).body.conversations;
    expect(bobList.find((c: { id: string }) => c.id === conversationId).lastMessage.type).toBe('hidden');
    await sleep(100);
    expect(aliceHeard).toEqual([]);
    const carol = await connect(t.url, (await registerUser(t.url, 'carol')).token);
    expect(await emitWithAck(carol, 'message:hide', { messageId: sent.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('sync of changes', () => {
  it('brings a device that was offline during a recall and an edit both changes, in order, then nothing', async () => {
    const { alice, bob, conversationId } = await friendPair(t.url);
    const a = await connect(t.url, alice.token);
    const first = await say(a, conversationId, 'recall me');
    const second = await say(a, conversationId, 'edit me');
    // Bob's device held both messages at change 0, then went away.
    await emitWithAck(a, 'message:recall', { messageId: first.id });
    await emitWithAck(a, 'message:edit', { messageId: second.id, text: 'edited' });
    const b = await connect(t.url, bob.token);
    const cursor = { conversationId, seq: 2, readSeq: 0, peerReadSeq: 2, changeSeq: 0 };
    const result = await emitWithAck(b, 'sync', { cursors: [cursor] });
    const entry = result.conversations.find((c: { conversation: { id: string } }) => c.conversation.id === conversationId);
    expect(entry.messages).toEqual([]);
    expect(entry.changes.map((m: Message) => [m.id, m.type])).toEqual([[first.id, 'recalled'], [second.id, 'text']]);
    expect(entry.changes[1].content).toMatchObject({ text: 'edited', editedAt: expect.any(Number) });
    expect(entry).toMatchObject({ changeSeq: 2, hasMoreChanges: false, conversation: { changeSeq: 2 } });
    // Paged: one change at a time.
    const paged = await emitWithAck(b, 'sync', { cursors: [cursor], limit: 1 });
    expect(paged.conversations.find((c: { conversation: { id: string } }) => c.conversation.id === conversationId)).toMatchObject({ changeSeq: 1, hasMoreChanges: true });
    // In step: the conversation is not listed.
    const inStep = await emitWithAck(b, 'sync', { cursors: [{ ...cursor, changeSeq: 2 }] });
    expect(inStep.conversations.map((c: { conversation: { id: string } }) => c.conversation.id)).not.toContain(conversationId);
  });

  it("carries a user's own hides to their other devices, and no one else's", async () => {
    const { alice, bob, conversationId } = await friendPair(t.url);
    const a = await connect(t.url, alice.token);
    const sent = await say(a, conversationId, 'hide me');
    await emitWithAck(await connect(t.url, bob.token), 'message:hide', { messageId: sent.id });
    const cursor = { conversationId, seq: 1, readSeq: 1, peerReadSeq: 0, changeSeq: 0 };
    const forBob = await emitWithAck(await connect(t.url, bob.token), 'sync', { cursors: [{ ...cursor, readSeq: 0, peerReadSeq: 1 }] });
    expect(forBob.conversations.find((c: { conversation: { id: string } }) => c.conversation.id === conversationId).changes.map((m: Message) => m.type)).toEqual(['hidden']);
    const forAlice = await emitWithAck(a, 'sync', { cursors: [cursor] });
    expect(forAlice.conversations.find((c: { conversation: { id: string } }) => c.conversation.id === conversationId)).toMatchObject({ changes: [], changeSeq: 1 });
  });
});

describe('reactions', () => {
  it('adds and removes reactions from the fixed set, with counts and who, for every member', async () => {
    const { alice, bob, conversationId } = await friendPair(t.url);
    const [a, b] = await Promise.all([connect(t.url, alice.token), connect(t.url, bob.token)]);
    const sent = await say(a, conversationId, 'party on friday');
    const heard = nextEvent(a, 'message:changed');
    const first = await emitWithAck(b, 'message:react', { messageId: sent.id, emoji: '👍', on: true });
    expect(first).toMatchObject({ ok: true, changeSeq: 1, message: { id: sent.id, reactions: [{ emoji: '👍', userIds: [bob.user.id] }] } });
    expect((await heard).message.reactions).toEqual([{ emoji: '👍', userIds: [bob.user.id] }]);
    await emitWithAck(a, 'message:react', { messageId: sent.id, emoji: '👍', on: true });
    const both = await emitWithAck(a, 'message:react', { messageId: sent.id, emoji: '❤️', on: true });
    expect(both.message.reactions).toEqual([{ emoji: '👍', userIds: [bob.user.id, alice.user.id] }, { emoji: '❤️', userIds: [alice.user.id] }]);
    // Again: nothing changes, the counter stays.
    expect(await emitWithAck(a, 'message:react', { messageId: sent.id, emoji: '❤️', on: true })).toMatchObject({ ok: true, changeSeq: 3 });
    const off = await emitWithAck(b, 'message:react', { messageId: sent.id, emoji: '👍', on: false });
    expect(off).toMatchObject({ changeSeq: 4, message: { reactions: [{ emoji: '👍', userIds: [alice.user.id] }, { emoji: '❤️', userIds: [alice.user.id] }] } });
    const history = (await api(t.url, 'GET', `/conversations/${conversationId}/messages`, { token: bob.token })).body.messages;
    expect(history[0].reactions).toHaveLength(2);
  });

  it('refuses an unknown emoji, a stranger and a recalled message, writing nothing', async () => {
    const { alice, conversationId } = await friendPair(t.url);
    const a = await connect(t.url, alice.token);
    const carol = await connect(t.url, (await registerUser(t.url, 'carol')).token);
    const sent = await say(a, conversationId, 'react to me');
    for (const payload of [{ messageId: sent.id, emoji: '🦄', on: true }, { messageId: sent.id, emoji: '👍' }, { messageId: sent.id, emoji: '👍', on: 'yes' }, { messageId: sent.id, emoji: '👍👍', on: true }]) {
      expect(await emitWithAck(a, 'message:react', payload)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await emitWithAck(carol, 'message:react', { messageId: sent.id, emoji: '👍', on: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await emitWithAck(a, 'message:recall', { messageId: sent.id });
    expect(await emitWithAck(a, 'message:react', { messageId: sent.id, emoji: '👍', on: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(db.prepare('SELECT COUNT(*) AS n FROM message_reactions WHERE message_id = ?').get(sent.id)).toEqual({ n: 0 });
    expect(changeSeqOf(db, conversationId)).toBe(1);
  });

  it('brings a device offline during a recall, an edit and a reaction all three after reconnecting', async () => {
    const { alice, bob, conversationId } = await friendPair(t.url);
    const a = await connect(t.url, alice.token);
    const [one, two, three] = [await say(a, conversationId, 'one'), await say(a, conversationId, 'two'), await say(a, conversationId, 'three')];
    await emitWithAck(a, 'message:recall', { messageId: one.id });
    await emitWithAck(a, 'message:edit', { messageId: two.id, text: 'two, edited' });
    await emitWithAck(a, 'message:react', { messageId: three.id, emoji: '😂', on: true });
    const b = await connect(t.url, bob.token);
    const result = await emitWithAck(b, 'sync', { cursors: [{ conversationId, seq: 3, readSeq: 0, peerReadSeq: 3, changeSeq: 0 }] });
    const entry = result.conversations.find((c: { conversation: { id: string } }) => c.conversation.id === conversationId);
    expect(entry.changes.map((m: Message) => m.id)).toEqual([one.id, two.id, three.id]);
    expect(entry.changes[0].type).toBe('recalled');
    expect(entry.changes[1].content.text).toBe('two, edited');
    expect(entry.changes[2].reactions).toEqual([{ emoji: '😂', userIds: [alice.user.id] }]);
    expect(entry.changeSeq).toBe(3);
  });
});
