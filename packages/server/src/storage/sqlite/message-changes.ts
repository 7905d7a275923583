import type { Message } from '@confab/protocol';
import type { Database, Statement } from 'better-sqlite3';
import type { ChangedMessage, ChangePage, MessageChangeStore, MessageRewrite } from '../message-change-store.js';
import { MESSAGE_COLUMNS, messageFromRow, type MessageRow } from './rows.js';

const PREFIXED = MESSAGE_COLUMNS.split(', ').map((column) => `m.${column}`).join(', ');

const SQL = {
  message: `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = ?`,
  nextChangeSeq: 'UPDATE conversations SET change_seq = change_seq + 1 WHERE id = ? RETURNING change_seq',
  rewrite: 'UPDATE messages SET type = @type, content = @content, change_seq = @changeSeq WHERE id = @id',
  hiddenAmong: 'SELECT message_id FROM message_hides WHERE user_id = ? AND message_id IN (SELECT value FROM json_each(?))',
  isHidden: 'SELECT 1 FROM message_hides WHERE user_id = ? AND message_id = ?',
  insertHide: 'INSERT INTO message_hides (user_id, message_id, conversation_id, change_seq) VALUES (?, ?, ?, ?)',
  changeSeqs: `SELECT c.id, c.change_seq FROM conversation_members me JOIN conversations c ON c.id = me.conversation_id WHERE me.user_id = ?`,
  changeSeq: 'SELECT change_seq FROM conversations WHERE id = ?',
  changes: `SELECT * FROM (
      SELECT ${MESSAGE_COLUMNS}, change_seq AS changed_at FROM messages WHERE conversation_id = @conversationId AND change_seq > @after
      UNION ALL
      SELECT ${PREFIXED}, h.change_seq AS changed_at FROM message_hides h JOIN messages m ON m.id = h.message_id
        WHERE h.user_id = @userId AND h.conversation_id = @conversationId AND h.change_seq > @after
    ) ORDER BY changed_at LIMIT @limit`,
} as const;

type ChangeRow = MessageRow & { changed_at: number };

/** The message-changes part of the SQLite store (recall, edit, delete-for-me). @internal */
export class SqliteMessageChanges implements MessageChangeStore {
  private readonly sql: Record<keyof typeof SQL, Statement>;

  constructor(private readonly db: Database) {
    this.sql = Object.fromEntries(Object.entries(SQL).map(([name, text]) => [name, db.prepare(text)])) as Record<keyof typeof SQL, Statement>;
  }

  private messageRow(id: string): MessageRow | undefined {
    return this.sql.message.get(id) as MessageRow | undefined;
  }

  private nextChangeSeq(conversationId: string): number {
    return (this.sql.nextChangeSeq.get(conversationId) as { change_seq: number }).change_seq;
  }

  async rewrite(rewrite: MessageRewrite): Promise<ChangedMessage | null> {
    return this.db.transaction((): ChangedMessage | null => {
      const row = this.messageRow(rewrite.messageId);
      if (!row || !rewrite.fromTypes.includes(row.type as Message['type'])) return null;
      const changeSeq = this.nextChangeSeq(row.conversation_id);
      const content = JSON.stringify(rewrite.content);
      this.sql.rewrite.run({ id: row.id, type: rewrite.type, content, changeSeq });
      return { message: messageFromRow({ ...row, type: rewrite.type, content }), changeSeq };
    }).immediate();
  }

  async hide(userId: string, messageId: string): Promise<ChangedMessage | null> {
    return this.db.transaction((): ChangedMessage | null => {
      const row = this.messageRow(messageId);
      if (!row || this.sql.isHidden.get(userId, messageId)) return null;
      const changeSeq = this.nextChangeSeq(row.conversation_id);
      this.sql.insertHide.run(userId, messageId, row.conversation_id, changeSeq);
      return { message: messageFromRow(row), changeSeq };
    }).immediate();
  }

  async hiddenIds(userId: string, messageIds: readonly string[]): Promise<Set<string>> {
    if (messageIds.length === 0) return new Set();
    // json_each takes any number of ids with one prepared statement.
    const rows = this.sql.hiddenAmong.all(userId, JSON.stringify(messageIds)) as { message_id: string }[];
    return new Set(rows.map((row) => row.message_id));
  }

  async changeSeqs(userId: string): Promise<Map<string, number>> {
    const rows = this.sql.changeSeqs.all(userId) as { id: string; change_seq: number }[];
    return new Map(rows.map((row) => [row.id, row.change_seq]));
  }

  async changeSeq(conversationId: string): Promise<number> {
    return (this.sql.changeSeq.get(conversationId) as { change_seq: number } | undefined)?.change_seq ?? 0;
  }

  async listChanges(userId: string, conversationId: string, after: number, limit: number): Promise<ChangePage> {
    return this.db.transaction((): ChangePage => {
      const rows = this.sql.changes.all({ userId, conversationId, after, limit: limit + 1 }) as ChangeRow[];
      const hasMore = rows.length > limit;
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const changeSeq = hasMore && last ? last.changed_at : (this.sql.changeSeq.get(conversationId) as { change_seq: number } | undefined)?.change_seq ?? after;
      return { messages: page.map(messageFromRow), changeSeq, hasMore };
    })();
  }
}
