import type { Message } from '@confab/protocol';
import type { Pool } from 'pg';
import type { ChangedMessage, MessageChangeStore } from '../message-change-store.js';
import { MESSAGE_COLUMNS, messageFromRow, type MessageRow } from '../sqlite/rows.js';
import { inTransaction, type Queryable } from './transaction.js';

const PREFIXED = MESSAGE_COLUMNS.split(', ').map((column) => `m.${column}`).join(', ');

/** Changes after @after up to @top, the hider's own hides among them, in change order. */
const CHANGES = `SELECT * FROM (
    SELECT ${MESSAGE_COLUMNS}, change_seq AS changed_at FROM messages WHERE conversation_id = $2 AND change_seq > $3 AND change_seq <= $4
    UNION ALL
    SELECT ${PREFIXED}, h.change_seq AS changed_at FROM message_hides h JOIN messages m ON m.id = h.message_id
      WHERE h.user_id = $1 AND h.conversation_id = $2 AND h.change_seq > $3 AND h.change_seq <= $4
  ) AS changes ORDER BY changed_at LIMIT $5`;

type ChangeRow = MessageRow & { changed_at: number };

/** The message, its row locked until the transaction ends (so two changes of it take turns). */
async function lockedMessage(db: Queryable, id: string): Promise<MessageRow | undefined> {
  const { rows } = await db.query<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0];
}

/**
 * Raises the conversation's change counter. The row lock it takes lasts until commit, so counters
 * commit in order: whoever reads counter N sees every change stamped up to N.
 */
export async function nextChangeSeq(db: Queryable, conversationId: string): Promise<number> {
  const { rows } = await db.query<{ change_seq: number }>('UPDATE conversations SET change_seq = change_seq + 1 WHERE id = $1 RETURNING change_seq', [conversationId]);
  const changeSeq = rows[0]?.change_seq;
  if (changeSeq === undefined) throw new Error(`Conversation ${conversationId} does not exist`);
  return changeSeq;
}

async function changeSeqOf(db: Queryable, conversationId: string): Promise<number | undefined> {
  const { rows } = await db.query<{ change_seq: number }>('SELECT change_seq FROM conversations WHERE id = $1', [conversationId]);
  return rows[0]?.change_seq;
}

/** Recalls, edits and per-user hides (`store.messageChanges`) on PostgreSQL. */
export function messageChangeMethods(pool: Pool): MessageChangeStore {
  return {
    rewrite: (rewrite) =>
      inTransaction(pool, async (client): Promise<ChangedMessage | null> => {
        const row = await lockedMessage(client, rewrite.messageId);
        if (!row || !rewrite.fromTypes.includes(row.type as Message['type'])) return null;
        const changeSeq = await nextChangeSeq(client, row.conversation_id);
        const content = JSON.stringify(rewrite.content);
        await client.query('UPDATE messages SET type = $1, content = $2, change_seq = $3 WHERE id = $4', [rewrite.type, content, changeSeq, row.id]);
        return { message: messageFromRow({ ...row, type: rewrite.type, content }), changeSeq };
      }),

    hide: (userId, messageId) =>
      inTransaction(pool, async (client): Promise<ChangedMessage | null> => {
        const row = await lockedMessage(client, messageId);
        if (!row) return null;
        const hidden = await client.query('SELECT 1 FROM message_hides WHERE user_id = $1 AND message_id = $2', [userId, messageId]);
        if (hidden.rowCount !== 0) return null;
        const changeSeq = await nextChangeSeq(client, row.conversation_id);
        await client.query('INSERT INTO message_hides (user_id, message_id, conversation_id, change_seq) VALUES ($1, $2, $3, $4)', [userId, messageId, row.conversation_id, changeSeq]);
        return { message: messageFromRow(row), changeSeq };
      }),

    async hiddenIds(userId, messageIds) {
      if (messageIds.length === 0) return new Set();
      const { rows } = await pool.query<{ message_id: string }>('SELECT message_id FROM message_hides WHERE user_id = $1 AND message_id = ANY($2::text[])', [userId, messageIds]);
      return new Set(rows.map((row) => row.message_id));
    },

    async changeSeqs(userId) {
      const { rows } = await pool.query<{ id: string; change_seq: number }>(
        'SELECT c.id, c.change_seq FROM conversation_members me JOIN conversations c ON c.id = me.conversation_id WHERE me.user_id = $1',
        [userId],
      );
      return new Map(rows.map((row) => [row.id, row.change_seq]));
    },

    async changeSeq(conversationId) {
      return (await changeSeqOf(pool, conversationId)) ?? 0;
    },

    async listChanges(userId, conversationId, after, limit) {
      // The counter first, then the changes up to it: a change committed in between waits for the next page.
      const top = (await changeSeqOf(pool, conversationId)) ?? after;
      const { rows } = await pool.query<ChangeRow>(CHANGES, [userId, conversationId, after, top, limit + 1]);
      const hasMore = rows.length > limit;
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return { messages: page.map(messageFromRow), changeSeq: hasMore && last ? last.changed_at : Math.max(top, after), hasMore };
    },
  };
}
