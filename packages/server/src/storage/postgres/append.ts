import type { Message } from '@confab/protocol';
import { MESSAGE_COLUMNS } from '../sqlite/rows.js';
import { ConversationMissingError, type NewMessage } from '../store.js';
import type { Queryable } from './transaction.js';

/**
 * One statement: the conversation's next seq, the message with it, and the sender's read cursor
 * moved to it. `UPDATE ... RETURNING` takes the conversation row's lock until the transaction
 * ends, so writers on any node get consecutive seqs; the statement is atomic, so when the insert
 * fails (the same sender and clientMsgId stored already: a unique violation) the seq goes back too.
 * A message a block keeps from its recipient (`$8`) gets that user's hide in the same statement.
 */
const APPEND = `
  WITH next AS (
    UPDATE conversations SET last_seq = last_seq + 1, last_message_at = $7 WHERE id = $2 RETURNING last_seq
  ), stored AS (
    INSERT INTO messages (${MESSAGE_COLUMNS})
    SELECT $1, $2, next.last_seq, $3, $4, $5, $6, $7 FROM next RETURNING seq
  ), cursor AS (
    UPDATE conversation_members m SET read_seq = GREATEST(m.read_seq, stored.seq) FROM stored WHERE m.conversation_id = $2 AND m.user_id = $3
  ), kept AS (
    INSERT INTO message_hides (user_id, message_id, conversation_id, change_seq, blocked_seq)
    SELECT $8, $1, $2, c.change_seq, stored.seq FROM stored JOIN conversations c ON c.id = $2 WHERE CAST($8 AS TEXT) IS NOT NULL
  )
  SELECT seq FROM stored`;

/**
 * Stores `message` with its conversation's next seq and moves the sender's read cursor to it, on
 * its own (autocommit: one round trip, the row lock held for that statement only) or inside a
 * transaction. Throws a unique violation (SQLSTATE 23505) when (sender, clientMsgId) is taken, and
 * ConversationMissingError when the conversation is gone (deleted before the row lock was taken),
 * having written nothing.
 */
export async function insertWithNextSeq(db: Queryable, message: NewMessage): Promise<Message> {
  const { rows } = await db.query<{ seq: number }>(APPEND, [
    message.id,
    message.conversationId,
    message.senderId,
    message.clientMsgId,
    message.type,
    JSON.stringify(message.content),
    message.createdAt,
    message.hiddenFor ?? null,
  ]);
  const seq = rows[0]?.seq;
  if (seq === undefined) throw new ConversationMissingError(message.conversationId);
  const { hiddenFor: _hiddenFor, ...stored } = message;
  return { ...stored, seq } as Message;
}

/** read_seq = max(read_seq, seq) for one member. */
export async function raiseReadCursor(db: Queryable, conversationId: string, userId: string, seq: number): Promise<void> {
  await db.query('UPDATE conversation_members SET read_seq = GREATEST(read_seq, $1) WHERE conversation_id = $2 AND user_id = $3', [seq, conversationId, userId]);
}
