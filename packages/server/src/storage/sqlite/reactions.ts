import type { Reaction } from '@confab/protocol';
import type { Database, Statement } from 'better-sqlite3';
import type { ReactionChange, ReactionStore } from '../reaction-store.js';

const SQL = {
  conversationOf: 'SELECT conversation_id FROM messages WHERE id = ?',
  insert: 'INSERT INTO message_reactions (message_id, user_id, emoji, created_at) VALUES (@messageId, @userId, @emoji, @now) ON CONFLICT DO NOTHING',
  remove: 'DELETE FROM message_reactions WHERE message_id = @messageId AND user_id = @userId AND emoji = @emoji',
  nextChangeSeq: 'UPDATE conversations SET change_seq = change_seq + 1 WHERE id = ? RETURNING change_seq',
  stamp: 'UPDATE messages SET change_seq = ? WHERE id = ?',
  listFor: `SELECT message_id, emoji, user_id FROM message_reactions WHERE message_id IN (SELECT value FROM json_each(?))
    ORDER BY message_id, created_at, rowid`,
} as const;

/** The reactions part of the SQLite store. @internal */
export class SqliteReactions implements ReactionStore {
  private readonly sql: Record<keyof typeof SQL, Statement>;

  constructor(private readonly db: Database) {
    this.sql = Object.fromEntries(Object.entries(SQL).map(([name, text]) => [name, db.prepare(text)])) as Record<keyof typeof SQL, Statement>;
  }

  async set(change: ReactionChange): Promise<number | null> {
    return this.db.transaction((): number | null => {
      const row = this.sql.conversationOf.get(change.messageId) as { conversation_id: string } | undefined;
      if (!row) return null;
      const { messageId, userId, emoji, now } = change;
      const changed = (change.on ? this.sql.insert : this.sql.remove).run(change.on ? { messageId, userId, emoji, now } : { messageId, userId, emoji }).changes === 1;
      if (!changed) return null;
      const { change_seq: changeSeq } = this.sql.nextChangeSeq.get(row.conversation_id) as { change_seq: number };
      this.sql.stamp.run(changeSeq, messageId);
      return changeSeq;
    }).immediate();
  }

  async listFor(messageIds: readonly string[]): Promise<Map<string, Reaction[]>> {
    if (messageIds.length === 0) return new Map();
    return reactionsByMessage(this.sql.listFor.all(JSON.stringify(messageIds)) as ReactionRow[]);
  }
}

/** A reaction row, in the order the query gives them (by message, then first use). */
export interface ReactionRow {
  message_id: string;
  emoji: string;
  user_id: string;
}

/** Each message's reactions: emoji in first-use order, users in reaction order. Shared by both backends. @internal */
export function reactionsByMessage(rows: readonly ReactionRow[]): Map<string, Reaction[]> {
  const byMessage = new Map<string, Reaction[]>();
  for (const row of rows) {
    const reactions = byMessage.get(row.message_id) ?? [];
    const reaction = reactions.find((candidate) => candidate.emoji === row.emoji);
    if (reaction) reaction.userIds.push(row.user_id);
    else reactions.push({ emoji: row.emoji, userIds: [row.user_id] });
    byMessage.set(row.message_id, reactions);
  }
  return byMessage;
}
