import type { Message } from '@confab/protocol';
import type { Pool } from 'pg';
import { MESSAGE_COLUMNS, messageFromRow, storedContent, type MessageRow } from '../sqlite/rows.js';
import type { AppendResult, NewMessage, Store } from '../store.js';
import { insertWithNextSeq } from './append.js';
import { isUniqueViolation, type Queryable } from './transaction.js';

export type MessageMethods = Pick<Store, 'appendMessage' | 'listMessages' | 'getMessage' | 'updateMessageContent' | 'updateStreamingReply' | 'endStreamingReplies'>;

/** The message stored earlier under the same (sender, clientMsgId): the same one, or one of another conversation. */
async function findByClientId(db: Queryable, message: NewMessage): Promise<AppendResult | null> {
  const { rows } = await db.query<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE sender_id = $1 AND client_msg_id = $2`, [message.senderId, message.clientMsgId]);
  const row = rows[0];
  if (!row) return null;
  return { outcome: row.conversation_id === message.conversationId ? 'duplicate' : 'conflict', message: messageFromRow(row) };
}

async function messageById(db: Queryable, id: string): Promise<Message | null> {
  const { rows } = await db.query<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = $1`, [id]);
  return rows[0] ? messageFromRow(rows[0]) : null;
}

/** The durable log: appends with gap-free seqs, idempotent per (sender, clientMsgId); history pages; AI reply updates. */
export function messageMethods(pool: Pool): MessageMethods {
  return {
    async appendMessage(message) {
      try {
        return { outcome: 'created', message: await insertWithNextSeq(pool, message) };
      } catch (error) {
        // The same (sender, clientMsgId) is stored already (perhaps by another node a moment ago): answer with it.
        const earlier = isUniqueViolation(error) ? await findByClientId(pool, message) : null;
        if (earlier) return earlier;
        throw error;
      }
    },

    async listMessages(conversationId, range) {
      const ascending = range.after !== undefined;
      const { rows } = ascending
        ? await pool.query<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = $1 AND seq > $2 ORDER BY seq ASC LIMIT $3`, [conversationId, range.after, range.limit + 1])
        : await pool.query<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3`, [
            conversationId,
            range.before ?? Number.MAX_SAFE_INTEGER,
            range.limit + 1,
          ]);
      const hasMore = rows.length > range.limit;
      const page = rows.slice(0, range.limit).map(messageFromRow);
      return { messages: ascending ? page : page.reverse(), hasMore };
    },

    getMessage: (id) => messageById(pool, id),

    async updateMessageContent(id, content, flushedAt) {
      const { rows } = await pool.query<MessageRow>(`UPDATE messages SET content = $1 WHERE id = $2 RETURNING ${MESSAGE_COLUMNS}`, [storedContent(content, flushedAt), id]);
      return rows[0] ? messageFromRow(rows[0]) : null;
    },

    async updateStreamingReply(id, content, flushedAt) {
      const { rows } = await pool.query<MessageRow>(
        `UPDATE messages SET content = $1 WHERE id = $2 AND type = 'ai' AND content ->> 'status' = 'streaming' RETURNING ${MESSAGE_COLUMNS}`,
        [storedContent(content, flushedAt), id],
      );
      return rows[0] ? messageFromRow(rows[0]) : null;
    },

    async endStreamingReplies(error, flushedBefore) {
      const { rows } = await pool.query<MessageRow>(
        `UPDATE messages SET content = jsonb_build_object('text', content -> 'text', 'status', 'error', 'error', $1::jsonb)
         WHERE type = 'ai' AND content ->> 'status' = 'streaming' AND COALESCE((content ->> 'flushedAt')::bigint, created_at) < $2
         RETURNING ${MESSAGE_COLUMNS}`,
        [JSON.stringify(error), flushedBefore],
      );
      return rows.map(messageFromRow);
    },
  };
}
