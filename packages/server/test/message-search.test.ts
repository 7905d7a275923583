import { LIMITS, type Message, type MessageSearchResponse } from '@confab/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchSnippet } from '../src/services/snippet.js';
import { createGroup } from './group-helpers.js';
import { api, befriend, clientMsgId, connect, countRows, emitWithAck, errorCode, friendPair, openDb, registerUser, startServer, type ClientSocket, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.stop());

const say = async (socket: ClientSocket, conversationId: string, text: string): Promise<Message> =>
  (await emitWithAck(socket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text } })).message as Message;

const search = (token: string, query: Record<string, string | number | undefined>) =>
  api<MessageSearchResponse>(t.url, 'GET', `/messages/search?${new URLSearchParams(Object.entries(query).flatMap(([key, value]): [string, string][] => (value === undefined ? [] : [[key, String(value)]])))}`, { token });

describe('message search', () => {
  it('finds the caller’s messages across conversations with a plain-text snippet around the match', async () => {
    const { alice, bob, conversationId } = await friendPair(t.url);
    const a = await connect(t.url, alice.token);
    const sent = await say(a, conversationId, 'Shall we meet at the <b>Central</b> station at six, or later in the evening after work?');
    await say(a, conversationId, 'unrelated');
    const found = await search(bob.token, { q: 'central' });
    expect(found.status).toBe(200);
    expect(found.body.hasMore).toBe(false);
    expect(found.body.results).toEqual([
      { message: sent, snippet: { before: 'Shall we meet at the <b>', match: 'Central', after: '</b> station at six, or later in the evening after work?' } },
    ]);
    expect((await search(bob.token, { q: 'central', conversationId })).body.results.map((result) => result.message.id)).toEqual([sent.id]);
  });

  it('pages with limit and hasMore, newest first', async () => {
    const { alice, bob, conversationId } = await friendPair(t.url);
    const a = await connect(t.url, alice.token);
    for (const n of [1, 2, 3]) await say(a, conversationId, `ticket ${n}`);
    const page = (await search(bob.token, { q: 'ticket', limit: 2 })).body;
    expect(page.results.map((result) => result.snippet.after)).toEqual([' 3', ' 2']);
    expect(page.hasMore).toBe(true);
  });

  it('never shows another user’s conversations: FORBIDDEN for one they are not in, nothing across all', async () => {
    const { alice, conversationId } = await friendPair(t.url);
    const mallory = await registerUser(t.url, 'mallory');
    const a = await connect(t.url, alice.token);
    await say(a, conversationId, 'private matter');
    expect((await search(mallory.token, { q: 'private' })).body).toEqual({ results: [], hasMore: false });
    expect(errorCode(await search(mallory.token, { q: 'private', conversationId }))).toBe('FORBIDDEN');
    expect(errorCode(await search(mallory.token, { q: 'private', conversationId: 'c_unknown' }))).toBe('NOT_FOUND');
    expect((await api(t.url, 'GET', '/messages/search?q=private')).status).toBe(401);
  });

  it('stops finding a group’s messages for a member who left it', async () => {
    const owner = await registerUser(t.url, 'owner');
    const dave = await registerUser(t.url, 'dave');
    await befriend(t.url, owner, dave);
    const group = await createGroup(t.url, owner, [dave]);
    const o = await connect(t.url, owner.token);
    await say(o, group.id, 'quarterly numbers');
    expect((await search(dave.token, { q: 'quarterly' })).body.results).toHaveLength(1);
    expect((await api(t.url, 'DELETE', `/groups/${group.id}/members/${dave.user.id}`, { token: dave.token })).status).toBe(200);
    expect((await search(dave.token, { q: 'quarterly' })).body.results).toEqual([]);
    expect(errorCode(await search(dave.token, { q: 'quarterly', conversationId: group.id }))).toBe('FORBIDDEN');
  });

  it('finds an edit by its new words, never a recalled message or one the caller deleted for themselves', async () => {
    const { alice, bob, conversationId } = await friendPair(t.url);
    const [a, b] = await Promise.all([connect(t.url, alice.token), connect(t.url, bob.token)]);
    const edited = await say(a, conversationId, 'dinner at marco');
    const recalled = await say(a, conversationId, 'dinner code 0451');
    const hidden = await say(a, conversationId, 'dinner photos');
    expect((await emitWithAck(a, 'message:edit', { messageId: edited.id, text: 'supper at luigi' })).ok).toBe(true);
    expect((await emitWithAck(a, 'message:recall', { messageId: recalled.id })).ok).toBe(true);
    expect((await emitWithAck(b, 'message:hide', { messageId: hidden.id })).ok).toBe(true);
    expect((await search(bob.token, { q: 'dinner' })).body.results).toEqual([]);
    expect((await search(alice.token, { q: 'dinner' })).body.results.map((result) => result.message.id)).toEqual([hidden.id]);
    expect((await search(bob.token, { q: 'luigi' })).body.results.map((result) => result.snippet)).toEqual([{ before: 'supper at ', match: 'luigi', after: '' }]);
    expect((await search(bob.token, { q: 'marco' })).body.results).toEqual([]);
  });

  it('refuses an empty or blank query and a bad limit with VALIDATION, an overlong one with TOO_LARGE, writing nothing', async () => {
    const { alice } = await friendPair(t.url);
    const db = openDb(t.config);
    const before = countRows(db, 'messages');
    for (const query of [{ q: '' }, { q: ' \u200B ' }, { q: 'ok', limit: 0 }, { q: 'ok', limit: LIMITS.messageSearchResultsMax + 1 }, { q: 'ok', extra: 1 }]) {
      const result = await search(alice.token, query);
      expect([result.status, errorCode(result)]).toEqual([400, 'VALIDATION']);
    }
    const overlong = await search(alice.token, { q: 'x'.repeat(LIMITS.messageSearchQueryMaxLength + 1) });
    expect([overlong.status, errorCode(overlong)]).toEqual([413, 'TOO_LARGE']);
    expect((await api(t.url, 'GET', '/messages/search', { token: alice.token })).status).toBe(400);
    expect((await search(alice.token, { q: '字'.repeat(LIMITS.messageSearchQueryMaxLength) })).status).toBe(200);
    expect(countRows(db, 'messages')).toBe(before);
    db.close();
  });
});

describe('search snippets', () => {
  it('cuts long text at code points around the first match, with … where it was cut', () => {
    const text = `${'😀'.repeat(40)}Needle${'字'.repeat(100)}`;
    const snippet = searchSnippet(text, 'needle');
    expect(snippet).toEqual({ before: `…${'😀'.repeat(24)}`, match: 'Needle', after: `${'字'.repeat(66)}…` });
  });

  it('treats the query as text, not a pattern, and shows the start when case folding differs', () => {
    expect(searchSnippet('costs $5.00 (net)', '$5.00 (')).toEqual({ before: 'costs ', match: '$5.00 (', after: 'net)' });
    expect(searchSnippet('short', 'zz')).toEqual({ before: '', match: '', after: 'short' });
  });
});
