/**
 * (4) The storage write path in one process: messages/s through Confab's SQLite store
 * (`appendMessage`, 32 issued per event-loop turn as a busy server does) / per-row autocommit inserts of the same
 * rows into the same table shape; a 50-message history page at a large table against the bare
 * prepared SELECT; server start-to-ready on that database against the bare socket.io server's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as ServerModule from '../packages/server/src/index.js';
import { percentile } from './lib/stats.js';
import { root, startBare, startConfab } from './lib/processes.js';

const requireServer = createRequire(join(root, 'packages', 'server', 'package.json'));
interface Statement {
  run(...values: unknown[]): unknown;
  all(...values: unknown[]): unknown[];
}
/** The part of better-sqlite3 used here (it is a dependency of the server package, not of the root). */
interface Database {
  pragma(source: string): unknown;
  exec(source: string): unknown;
  prepare(source: string): Statement;
  transaction<A extends unknown[]>(body: (...args: A) => void): (...args: A) => void;
  close(): void;
}
const BetterSqlite3 = requireServer('better-sqlite3') as new (file: string, options?: { readonly?: boolean }) => Database;
const { openSqliteStore } = (await import(join(root, 'packages', 'server', 'dist', 'index.js'))) as typeof ServerModule;

export const storageSizes = {
  writes: Number(process.env.BENCH_WRITES ?? 5000),
  /** Appends issued together before awaiting them (one group commit). */
  perTurn: Number(process.env.BENCH_WRITES_PER_TURN ?? 32),
  historyRows: Number(process.env.BENCH_HISTORY_ROWS ?? 1_000_000),
  historyQueries: 2000,
};

const dirs: string[] = [];
function freshFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'confab-bench-store-'));
  dirs.push(dir);
  return join(dir, 'confab.db');
}
export function cleanStorage(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

async function storeWithConversation(file: string) {
  const store = openSqliteStore(file);
  for (const id of ['ua', 'ub']) await store.createUser({ id, username: id, displayName: id, passwordHash: 'x', createdAt: 1 });
  const conversationId = await store.openDirectConversation('ua', 'ub', 1, 'c1');
  return { store, conversationId };
}

const row = (i: number, conversationId: string) => ({
  id: `m${i}`,
  conversationId,
  senderId: 'ua',
  clientMsgId: `cm${i}`,
  type: 'text' as const,
  content: { text: `message number ${i}` },
  createdAt: 1_700_000_000_000 + i,
});

/** Messages per second: [store (acked), store with the search index caught up, autocommit]. */
export async function writePath(): Promise<{ store: number; indexed: number; autocommit: number }> {
  const { store, conversationId } = await storeWithConversation(freshFile());
  for (let i = 0; i < 200; i++) await store.appendMessage(row(-i - 1, conversationId));
  let started = performance.now();
  // As a busy server calls it: many sends in one event-loop turn (the 1:1 load gives about 30 per commit).
  for (let i = 0; i < storageSizes.writes; i += storageSizes.perTurn) {
    await Promise.all(Array.from({ length: Math.min(storageSizes.perTurn, storageSizes.writes - i) }, (_, j) => store.appendMessage(row(i + j, conversationId))));
  }
  const storeRate = storageSizes.writes / ((performance.now() - started) / 1000);
  // Written and searchable: the search index of what was written (batched a moment after the acks) counted too.
  store.searchIndexer.drain();
  const indexedRate = storageSizes.writes / ((performance.now() - started) / 1000);
  await store.close();

  const db: Database = new BetterSqlite3(freshFile());
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE messages (id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, sender_id TEXT NOT NULL, client_msg_id TEXT NOT NULL, type TEXT NOT NULL, content TEXT NOT NULL, created_at INTEGER NOT NULL, UNIQUE (conversation_id, seq), UNIQUE (sender_id, client_msg_id))');
  const insert = db.prepare('INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const put = (i: number, seq: number): void => {
    const m = row(i, conversationId);
    insert.run(m.id, m.conversationId, seq, m.senderId, m.clientMsgId, m.type, JSON.stringify(m.content), m.createdAt);
  };
  for (let i = 0; i < 200; i++) put(-i - 1, i + 1);
  started = performance.now();
  for (let i = 0; i < storageSizes.writes; i++) put(i, i + 201);
  const autocommit = storageSizes.writes / ((performance.now() - started) / 1000);
  db.close();
  return { store: storeRate, indexed: indexedRate, autocommit };
}

/** A database with `historyRows` messages in one conversation, filled in bulk. */
export async function largeDatabase(): Promise<{ file: string; dataDir: string; conversationId: string }> {
  const file = freshFile();
  const { store, conversationId } = await storeWithConversation(file);
  await store.close();
  const db: Database = new BetterSqlite3(file);
  const insert = db.prepare('INSERT INTO messages (id, conversation_id, seq, sender_id, client_msg_id, type, content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const fill = db.transaction((from: number, to: number) => {
    for (let seq = from; seq < to; seq++) insert.run(`m${seq}`, conversationId, seq, 'ua', `cm${seq}`, 'text', JSON.stringify({ text: `message number ${seq}` }), 1_700_000_000_000 + seq);
  });
  for (let from = 1; from <= storageSizes.historyRows; from += 50_000) fill(from, Math.min(storageSizes.historyRows + 1, from + 50_000));
  db.prepare('UPDATE conversations SET last_seq = ? WHERE id = ?').run(storageSizes.historyRows, conversationId);
  db.close();
  return { file, dataDir: join(file, '..'), conversationId };
}

/** p99 in ms of a 50-message page at random positions: [store, bare prepared SELECT]. */
export async function historyPage(file: string, conversationId: string): Promise<{ store: number; bare: number }> {
  const positions = Array.from({ length: storageSizes.historyQueries }, () => 51 + Math.floor(Math.random() * (storageSizes.historyRows - 50)));
  const store = openSqliteStore(file);
  const storeTimes: number[] = [];
  for (const before of positions) {
    const started = performance.now();
    await store.listMessages(conversationId, { before, limit: 50 });
    storeTimes.push(performance.now() - started);
  }
  await store.close();
  const db: Database = new BetterSqlite3(file, { readonly: true });
  const select = db.prepare('SELECT * FROM messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT 51');
  const bareTimes: number[] = [];
  for (const before of positions) {
    const started = performance.now();
    select.all(conversationId, before);
    bareTimes.push(performance.now() - started);
  }
  db.close();
  return { store: percentile(storeTimes, 99), bare: percentile(bareTimes, 99) };
}

/** Start-to-ready in ms: [Confab CLI on the large database, bare socket.io server]. */
export async function startToReady(dataDir: string): Promise<{ confab: number; bare: number }> {
  const confab = await startConfab(dataDir);
  await confab.stop();
  const bare = await startBare();
  await bare.stop();
  return { confab: confab.readyMs, bare: bare.readyMs };
}
