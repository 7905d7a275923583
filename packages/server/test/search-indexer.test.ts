import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../src/storage/sqlite/sqlite-store.js';
import type { NewMessage } from '../src/storage/store.js';
import { sleep, tempDir } from './helpers.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
async function storeWithPair(): Promise<{ store: SqliteStore; file: string; conversationId: string }> {
  const file = join(dir, `s${++files}.db`);
  const store = openSqliteStore(file);
  for (const id of ['ua', 'ub']) await store.createUser({ id, username: id, displayName: id, passwordHash: 'x', createdAt: 1 });
  const conversationId = await store.openDirectConversation('ua', 'ub', 1, `c${files}`);
  return { store, file, conversationId };
}

let n = 0;
const text = (conversationId: string, body: string): NewMessage => {
  n++;
  return { id: `m${n}`, conversationId, senderId: 'ua', clientMsgId: `cm${n}`, type: 'text', content: { text: body }, createdAt: 1_700_000_000_000 + n };
};
const found = async (store: SqliteStore, query: string): Promise<string[]> =>
  (await store.messageSearch.search({ userId: 'ub', text: query, limit: 10 })).map((message) => (message.content as { text: string }).text);
const indexedRows = (store: SqliteStore): number => (store.db.prepare('SELECT count(*) AS n FROM message_search').get() as { n: number }).n;
const cursor = (store: SqliteStore): { indexed_rowid: number; indexed_message_id: string | null } =>
  store.db.prepare('SELECT indexed_rowid, indexed_message_id FROM message_search_progress').get() as { indexed_rowid: number; indexed_message_id: string | null };

describe('search indexing off the send path (SQLite)', () => {
  it('acks a message before it is indexed, finds it in the tail meanwhile, and indexes it a moment later', async () => {
    const { store, conversationId } = await storeWithPair();
    await store.appendMessage(text(conversationId, 'meet at the harbour'));
    expect(indexedRows(store)).toBe(0);
    expect(await found(store, 'harbour')).toEqual(['meet at the harbour']);
    expect(await found(store, 'ha')).toEqual(['meet at the harbour']);
    for (let waited = 0; indexedRows(store) === 0 && waited < 2000; waited += 20) await sleep(20);
    expect(indexedRows(store)).toBe(1);
    expect(cursor(store).indexed_message_id).toBe(`m${n}`);
    expect(await found(store, 'harbour')).toEqual(['meet at the harbour']);
    await store.close();
  });

  it('indexes many commits in chunks, skips what is not text, and finds each once', async () => {
    const { store, conversationId } = await storeWithPair();
    const sent = Array.from({ length: 1000 }, (_, i) => text(conversationId, `note ${i} zebra`));
    await Promise.all(sent.map((message) => store.appendMessage(message)));
    const { id, clientMsgId, createdAt } = text(conversationId, '');
    await store.appendMessage({ id, conversationId, senderId: 'ua', clientMsgId, createdAt, type: 'image', content: { file: { id: 'f_1', name: 'zebra.png', size: 1, mimeType: 'image/png', sha256: '0'.repeat(64) } } });
    expect(store.searchIndexer.drain()).toBe(1001);
    expect(indexedRows(store)).toBe(1000);
    // The store reads one more than the limit to tell whether there are more.
    expect(await found(store, 'zebra')).toEqual(Array.from({ length: 11 }, (_, i) => `note ${999 - i} zebra`));
    expect(await found(store, 'note 5 ')).toEqual(['note 5 zebra']);
    expect(store.searchIndexer.drain()).toBe(0);
    await store.close();
  });

  it('an edit before indexing keys the new text once; the old text is found nowhere', async () => {
    const { store, conversationId } = await storeWithPair();
    const { message } = await store.appendMessage(text(conversationId, 'old wording'));
    await store.updateMessageContent(message.id, { text: 'new phrasing' });
    expect(await found(store, 'wording')).toEqual([]);
    expect(await found(store, 'phrasing')).toEqual(['new phrasing']);
    store.searchIndexer.drain();
    expect(indexedRows(store)).toBe(1);
    expect(await found(store, 'wording')).toEqual([]);
    expect(await found(store, 'phrasing')).toEqual(['new phrasing']);
    await store.close();
  });

  it('picks up after a restart what was committed but not indexed', async () => {
    const { store, file, conversationId } = await storeWithPair();
    await store.appendMessage(text(conversationId, 'before the restart'));
    await store.close();
    const reopened = openSqliteStore(file);
    expect(await found(reopened, 'restart')).toEqual(['before the restart']);
    expect(reopened.searchIndexer.drain()).toBe(1);
    expect(indexedRows(reopened)).toBe(1);
    await reopened.close();
  });

  it('realigns when the messages were renumbered (VACUUM): nothing indexed twice, nothing skipped', async () => {
    const { store, file, conversationId } = await storeWithPair();
    for (const body of ['alpha one', 'alpha two']) await store.appendMessage(text(conversationId, body));
    store.searchIndexer.drain();
    await store.appendMessage(text(conversationId, 'alpha three'));
    // As if a VACUUM had moved the rows: the cursor's message is no longer at the cursor.
    store.db.prepare('UPDATE message_search_progress SET indexed_rowid = indexed_rowid + 5').run();
    await store.close();
    const reopened = openSqliteStore(file);
    expect(cursor(reopened).indexed_message_id).toBe(`m${n - 1}`);
    expect(reopened.searchIndexer.drain()).toBe(1);
    expect(indexedRows(reopened)).toBe(3);
    expect(await found(reopened, 'alpha')).toEqual(['alpha three', 'alpha two', 'alpha one']);
    await reopened.close();
  });

  it('steps the cursor back when the message at it is deleted, so a reused rowid is still indexed', async () => {
    const { store, conversationId } = await storeWithPair();
    for (const body of ['kept words', 'gone words']) await store.appendMessage(text(conversationId, body));
    store.searchIndexer.drain();
    const last = cursor(store);
    store.db.prepare('DELETE FROM messages WHERE id = ?').run(last.indexed_message_id);
    expect(cursor(store)).toEqual({ indexed_rowid: last.indexed_rowid - 1, indexed_message_id: `m${n - 1}` });
    await store.appendMessage(text(conversationId, 'reused words'));
    expect(store.searchIndexer.drain()).toBe(1);
    expect(await found(store, 'words')).toEqual(['reused words', 'kept words']);
    await store.close();
  });
});
