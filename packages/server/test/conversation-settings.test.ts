import type { Conversation, Message } from '@confab/protocol';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup } from './group-helpers.js';
import { api, befriend, clientMsgId, connect, countRows, emitWithAck, friendPair, nextEvent, openDb, withPerson, registerUser, startServer, type ClientSocket, type TestServer } from './helpers.js';

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

const say = async (socket: ClientSocket, conversationId: string, text: string): Promise<Message> =>
  (await emitWithAck(socket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text } })).message;
/** The caller's list without the assistant's conversation. */
const list = async (token: string): Promise<Conversation[]> => (await api(t.url, 'GET', '/conversations', { token })).body.conversations.filter(withPerson);
const settingsRows = (userId: string) => db.prepare('SELECT conversation_id, pinned, muted, marked_unread, hidden_seq FROM conversation_settings WHERE user_id = ?').all(userId);

describe('conversation settings', () => {
  it("pins a conversation first in the caller's list only, and tells every device of the caller", async () => {
    const { alice, bob, conversationId: withBob } = await friendPair(t.url);
    const carol = await registerUser(t.url, 'carol');
    const withCarol = await befriend(t.url, alice, carol);
    const [laptop, phone, b, c] = await Promise.all([connect(t.url, alice.token), connect(t.url, alice.token), connect(t.url, bob.token), connect(t.url, carol.token)]);
    await say(b, withBob, 'older');
    await say(c, withCarol, 'newer');
    expect((await list(alice.token)).map((conversation) => conversation.id)).toEqual([withCarol, withBob]);

    const told = nextEvent(phone, 'conversation:settings');
    const reply = await emitWithAck(laptop, 'conversation:settings', { conversationId: withBob, pinned: true });
    const pinned = { pinned: true, muted: false, markedUnread: false, hiddenSeq: null };
    expect(reply).toEqual({ ok: true, conversationId: withBob, settings: pinned });
    expect(await told).toEqual({ conversationId: withBob, settings: pinned });
    expect((await list(alice.token)).map((conversation) => [conversation.id, conversation.pinned])).toEqual([[withBob, true], [withCarol, false]]);
    // Bob's view of the same conversation is untouched.
    expect((await list(bob.token)).find((conversation) => conversation.id === withBob)).toMatchObject({ pinned: false, muted: false, markedUnread: false, hiddenSeq: null });
  });

  it('mutes, marks unread (cleared by reading, on every device) and hides until the next message', async () => {
    const { alice, bob, conversationId } = await friendPair(t.url);
    const [a, phone, b] = await Promise.all([connect(t.url, alice.token), connect(t.url, alice.token), connect(t.url, bob.token)]);
    const first = await say(b, conversationId, 'hi');
    await emitWithAck(a, 'conversation:read', { conversationId, seq: first.seq });
    expect(await emitWithAck(a, 'conversation:settings', { conversationId, muted: true, markedUnread: true })).toMatchObject({ ok: true, settings: { muted: true, markedUnread: true } });
    expect((await list(alice.token))[0]).toMatchObject({ id: conversationId, muted: true, markedUnread: true, unread: 0 });

    const cleared = nextEvent(phone, 'conversation:settings');
    await emitWithAck(a, 'conversation:read', { conversationId, seq: first.seq });
    expect(await cleared).toEqual({ conversationId, settings: { pinned: false, muted: true, markedUnread: false, hiddenSeq: null } });

    expect(await emitWithAck(a, 'conversation:settings', { conversationId, hidden: true })).toMatchObject({ ok: true, settings: { hiddenSeq: first.seq } });
    expect((await list(alice.token))[0]).toMatchObject({ id: conversationId, lastSeq: first.seq, hiddenSeq: first.seq });
    const next = await say(b, conversationId, 'are you there?');
    // The list shows it again once lastSeq passes hiddenSeq.
    expect((await list(alice.token))[0]).toMatchObject({ id: conversationId, lastSeq: next.seq, hiddenSeq: first.seq });
    expect(await emitWithAck(a, 'conversation:settings', { conversationId, hidden: false })).toMatchObject({ ok: true, settings: { hiddenSeq: null, muted: true } });
  });

  it('are for members only, and bad input is refused with nothing written', async () => {
    const { alice, conversationId } = await friendPair(t.url);
    const mallory = await registerUser(t.url, 'mallory');
    const [a, m] = await Promise.all([connect(t.url, alice.token), connect(t.url, mallory.token)]);
    const before = countRows(db, 'conversation_settings');
    expect(await emitWithAck(m, 'conversation:settings', { conversationId, muted: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await emitWithAck(a, 'conversation:settings', { conversationId: 'c_nope', muted: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await emitWithAck(a, 'conversation:settings', { conversationId })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await emitWithAck(a, 'conversation:settings', { conversationId, muted: 'yes' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await emitWithAck(a, 'conversation:settings', { conversationId, pinned: true, colour: 'red' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(countRows(db, 'conversation_settings')).toBe(before);
    expect(settingsRows(alice.user.id)).toEqual([]);
    expect(settingsRows(mallory.user.id)).toEqual([]);
  });

  it("brings a device that was away in step through sync: another device's changes come with every conversation's settings", async () => {
    const { alice, conversationId } = await friendPair(t.url);
    const laptop = await connect(t.url, alice.token);
    await emitWithAck(laptop, 'conversation:settings', { conversationId, pinned: true, muted: true });
    const phone = await connect(t.url, alice.token);
    const synced = await emitWithAck(phone, 'sync', { cursors: [{ conversationId, seq: 0, readSeq: 0, peerReadSeq: 0, changeSeq: 0 }] });
    expect(synced.settings).toEqual([{ conversationId, settings: { pinned: true, muted: true, markedUnread: false, hiddenSeq: null } }]);
  });
});

describe('conversation settings in groups', () => {
  it('are for current members: one removed from the group may no longer change them', async () => {
    const owner = await registerUser(t.url, 'olga');
    const member = await registerUser(t.url, 'mia');
    await befriend(t.url, owner, member);
    const group = await createGroup(t.url, owner, [member]);
    const m = await connect(t.url, member.token);
    expect(await emitWithAck(m, 'conversation:settings', { conversationId: group.id, muted: true })).toMatchObject({ ok: true, settings: { muted: true } });
    expect((await api(t.url, 'DELETE', `/groups/${group.id}/members/${member.user.id}`, { token: owner.token })).status).toBe(200);
    expect(await emitWithAck(m, 'conversation:settings', { conversationId: group.id, pinned: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(settingsRows(member.user.id)).toEqual([{ conversation_id: group.id, pinned: 0, muted: 1, marked_unread: 0, hidden_seq: null }]);
  });
});
