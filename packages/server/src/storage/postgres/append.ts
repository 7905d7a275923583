import type { Message } from '@confab/protocol';
import type { Queryable } from './transaction.js';
import { MESSAGE_COLUMNS } from '../sqlite/rows.js';
import type { NewMessage } from '../store.js';

/**
 * Stores `message` with the conversation's next seq and moves the sender's read cursor to it; call
 * inside a transaction. `UPDATE ... RETURNING` takes the conversation row's lock until the
 * transaction ends, so concurrent writers on any node get consecutive seqs, and a rollback gives
 * the seq back. Returns null (after the lock, before the insert wrote anything) when the same
 * (sender, clientMsgId) is stored already: the caller rolls back so that no seq is used up.
 */
export async function insertWithNextSeq(client: Queryable, message: NewMessage): Promise<Message | null> {
  const next = await client.query<{ last_seq: number }>(
    'UPDATE conversations SET last_seq = last_seq + 1, last_message_at = $1 WHERE id = $2 RETURNING last_seq',
    [message.createdAt, message.conversationId],
  );
  const seq = next.rows[0]?.last_seq;
  if (seq === undefined) throw new Error(`Conversation ${message.conversationId} does not exist`);
  const inserted = await client.query(
    `INSERT INTO messages (${MESSAGE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (sender_id, client_msg_id) DO NOTHING`,
    [message.id, message.conversationId, seq, message.senderId, message.clientMsgId, message.type, JSON.stringify(message.content), message.createdAt],
  );
  if (inserted.rowCount !== 1) return null;
  await raiseReadCursor(client, message.conversationId, message.senderId, seq);
  return { ...message, seq } as Message;
}

/** read_seq = max(read_seq, seq) for one member. */
export async function raiseReadCursor(client: Queryable, conversationId: string, userId: string, seq: number): Promise<void> {
  await client.query('UPDATE conversation_members SET read_seq = GREATEST(read_seq, $1) WHERE conversation_id = $2 AND user_id = $3', [seq, conversationId, userId]);
}
