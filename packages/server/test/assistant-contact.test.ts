import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../src/storage/sqlite/migrations.js';
import { api, connect, countRows, errorCode, openDb, PASSWORD, registerUser, startServer, type TestServer } from './helpers.js';
import { ask, assistantConversation, watchReplies } from './ai-helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer(['--ai-name', 'Helper Bot']);
});
afterAll(() => t.stop());

describe('the assistant is every user\'s contact', () => {
  it('is a friend with a direct conversation from registration on, under its configured name', async () => {
    const ann = await registerUser(t.url, 'ann');
    const friends = await api(t.url, 'GET', '/friends', { token: ann.token });
    expect(friends.body.friends.map((friend: { user: { username: string; displayName: string } }) => friend.user)).toEqual([
      { id: 'u_assistant', username: 'assistant', displayName: 'Helper Bot', avatarUrl: null },
    ]);
    const conversations = await api(t.url, 'GET', '/conversations', { token: ann.token });
    expect(conversations.body.conversations.map((c: { peer: { id: string } }) => c.peer.id)).toEqual(['u_assistant']);
  });

  it('cannot be unfriended, asked as a friend, registered or logged in as', async () => {
    const ben = await registerUser(t.url, 'ben');
    expect(errorCode(await api(t.url, 'DELETE', '/friends/u_assistant', { token: ben.token }))).toBe('FORBIDDEN');
    expect(errorCode(await api(t.url, 'POST', '/requests', { token: ben.token, body: { kind: 'friend', targetId: 'u_assistant' } }))).toBe('FORBIDDEN');
    expect(errorCode(await api(t.url, 'POST', '/auth/register', { body: { username: 'Assistant', password: PASSWORD } }))).toBe('CONFLICT');
    expect(errorCode(await api(t.url, 'POST', '/auth/login', { body: { username: 'assistant', password: '!' } }))).toBe('UNAUTHORIZED');
    const db = openDb(t.config);
    expect(countRows(db, 'requests')).toBe(0);
    db.close();
    expect((await api(t.url, 'GET', '/friends', { token: ben.token })).body.friends).toHaveLength(1);
  });

  it('answers at once, without a provider, with how to configure one', async () => {
    const cat = await registerUser(t.url, 'cat');
    const conversationId = await assistantConversation(t.url, cat);
    const socket = await connect(t.url, cat.token);
    const watch = watchReplies(socket);
    const question = await ask(socket, conversationId, 'Are you there?');
    const reply = await watch.firstReply();
    expect(reply).toMatchObject({ seq: question.seq + 1, senderId: 'u_assistant', type: 'ai', content: { status: 'complete' } });
    for (const name of ['CONFAB_AI_BASE_URL', 'CONFAB_AI_API_KEY', 'CONFAB_AI_MODEL']) expect(reply.content.text).toContain(name);
    expect(watch.deltas).toEqual([]);
    const list = await api(t.url, 'GET', '/conversations', { token: cat.token });
    expect(list.body.conversations[0]).toMatchObject({ lastSeq: 2, unread: 1, lastMessage: { id: reply.id } });
  });
});

describe('migration 3 (the assistant)', () => {
  it('gives users who existed before it the assistant, and renames a person called "assistant"', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS.slice(0, 2));
    const insert = db.prepare("INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES (?, ?, ?, 'x', 0)");
    insert.run('u_old1', 'olduser', 'Old');
    insert.run('u_zzz', 'assistant', 'A person');
    expect(migrate(db, MIGRATIONS.slice(0, 3))).toEqual([3]);
    const friendsOf = (id: string) => db.prepare('SELECT friend_id FROM friendships WHERE user_id = ? ORDER BY friend_id').pluck().all(id);
    expect(friendsOf('u_old1')).toEqual(['u_assistant']);
    expect(friendsOf('u_zzz')).toEqual(['u_assistant']);
    expect(friendsOf('u_assistant')).toEqual(['u_old1', 'u_zzz']);
    expect(db.prepare("SELECT username FROM users WHERE id = 'u_zzz'").pluck().get()).toBe('assistant-zzz');
    expect(db.prepare('SELECT COUNT(*) FROM conversation_members').pluck().get()).toBe(4);
    expect(migrate(db, MIGRATIONS.slice(0, 3))).toEqual([]);
    db.close();
  });
});
