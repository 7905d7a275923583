import type { Database, Statement, Transaction } from 'better-sqlite3';

/** How long after a commit the new messages are indexed: many commits' rows go into one transaction. */
const DELAY_MS = 100;
/** Rows read per indexing transaction: a few milliseconds, so sends are never held up for long. */
const CHUNK = 400;

interface Progress {
  indexed_rowid: number;
  indexed_message_id: string | null;
}

/**
 * Keeps the FTS5 search index (migration 10) behind the messages table, off the send path (migration
 * 14): a message is committed and acked without touching the index; `poke` asks for the rows past the
 * cursor to be indexed `DELAY_MS` later, `CHUNK` rows per transaction, continued on later turns until
 * none are left. Batching many commits' rows into one FTS5 transaction also writes fewer, larger
 * index segments. Until a row is indexed, search reads it in the unindexed tail (`rowid > cursor`).
 *
 * A row the edit trigger already keyed (edited before it was indexed) is skipped: its key exists.
 * @internal
 */
export class SearchIndexer {
  private readonly rowsAfter: Statement;
  private readonly insertKey: Statement;
  private readonly insertText: Statement;
  private readonly setProgress: Statement;
  private readonly progress: Statement;
  private readonly indexChunk: Transaction<(limit: number) => number>;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly db: Database) {
    this.rowsAfter = db.prepare(`SELECT rowid, id, type, json_extract(content, '$.text') AS body FROM messages WHERE rowid > ? ORDER BY rowid LIMIT ?`);
    this.insertKey = db.prepare('INSERT OR IGNORE INTO message_search_keys (message_id) VALUES (?)');
    this.insertText = db.prepare('INSERT INTO message_search (rowid, body) VALUES (?, ?)');
    this.setProgress = db.prepare('UPDATE message_search_progress SET indexed_rowid = ?, indexed_message_id = ?');
    this.progress = db.prepare('SELECT indexed_rowid, indexed_message_id FROM message_search_progress');
    this.indexChunk = db.transaction((limit: number) => this.indexRows(limit));
    this.realign();
  }

  /** Asks for the messages committed since the last run to be indexed soon. */
  poke(): void {
    this.schedule(DELAY_MS);
  }

  /** Indexes everything not yet indexed, now (tests, tools). Returns how many rows it read. */
  drain(): number {
    let total = 0;
    for (let read = CHUNK; read === CHUNK; total += read) read = this.indexChunk.immediate(CHUNK);
    return total;
  }

  /** Stops the timer; what is left is indexed after the next open. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): void {
    this.timer = null;
    if (this.closed || !this.db.open) return;
    // Another chunk may be left: continue on the next turn, letting sends in between.
    if (this.indexChunk.immediate(CHUNK) === CHUNK) this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => this.run(), delayMs);
    this.timer.unref();
  }

  private indexRows(limit: number): number {
    const { indexed_rowid: cursor } = this.progress.get() as Progress;
    const rows = this.rowsAfter.all(cursor, limit) as { rowid: number; id: string; type: string; body: string | null }[];
    for (const row of rows) {
      if (row.type !== 'text' && row.type !== 'ai') continue;
      const key = this.insertKey.run(row.id);
      if (key.changes === 1) this.insertText.run(key.lastInsertRowid, row.body);
    }
    const last = rows.at(-1);
    if (last) this.setProgress.run(last.rowid, last.id);
    return rows.length;
  }

  /**
   * A VACUUM may renumber the messages' rowids (they have no INTEGER PRIMARY KEY): when the message
   * recorded at the cursor no longer sits there, the cursor restarts below the first text not indexed.
   */
  private realign(): void {
    const { indexed_rowid: cursor, indexed_message_id: id } = this.progress.get() as Progress;
    if (id === null) return;
    const at = this.db.prepare('SELECT rowid FROM messages WHERE id = ?').get(id) as { rowid: number } | undefined;
    if (at?.rowid === cursor) return;
    const first = this.db
      .prepare(`SELECT min(m.rowid) AS rowid FROM messages m WHERE m.type IN ('text', 'ai') AND NOT EXISTS (SELECT 1 FROM message_search_keys k WHERE k.message_id = m.id)`)
      .get() as { rowid: number | null };
    const restart = first.rowid === null ? ((this.db.prepare('SELECT coalesce(max(rowid), 0) AS rowid FROM messages').get() as { rowid: number }).rowid) : first.rowid - 1;
    const below = this.db.prepare('SELECT id FROM messages WHERE rowid <= ? ORDER BY rowid DESC LIMIT 1').get(restart) as { id: string } | undefined;
    this.setProgress.run(restart, below?.id ?? null);
  }
}
