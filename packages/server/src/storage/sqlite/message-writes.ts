import type { Message } from '@confab/protocol';
import { ConversationMissingError, type AppendResult, type NewMessage } from '../store.js';
import { messageFromRow, type MessageRow } from './rows.js';
import type { Statements } from './statements.js';

/** The stored message of the same (sender, clientMsgId): `duplicate` in the same conversation, else `conflict`. */
export function findByClientId(sql: Statements, message: NewMessage): AppendResult | null {
  const row = sql.messageByClientId.get(message.senderId, message.clientMsgId) as MessageRow | undefined;
  if (!row) return null;
  const outcome = row.conversation_id === message.conversationId ? 'duplicate' : 'conflict';
  return { outcome, message: messageFromRow(row) };
}

interface ConversationTail {
  lastSeq: number;
  lastMessageAt: number;
}

/**
 * Stores messages in call order inside the caller's transaction: each new one gets the next seq of
 * its conversation, a repeated (sender, clientMsgId) finds the earlier row (also one of this batch).
 * Then, once per conversation, its `last_seq` and `last_message_at`, and once per (conversation,
 * sender), the sender's read cursor raised to their last message: the same end state as one
 * transaction per message, with two statements per message instead of four (three for a message a
 * block keeps from its recipient: its hide). Throws when a
 * conversation does not exist (the caller rolls back).
 */
export function writeMessages(sql: Statements, messages: readonly NewMessage[]): AppendResult[] {
  const tails = new Map<string, ConversationTail>();
  const cursors = new Map<string, { conversationId: string; senderId: string; seq: number }>();
  const results = messages.map((message): AppendResult => {
    const earlier = findByClientId(sql, message);
    if (earlier) return earlier;
    let tail = tails.get(message.conversationId);
    if (!tail) {
      const row = sql.lastSeq.get(message.conversationId) as { last_seq: number } | undefined;
      if (!row) throw new ConversationMissingError(message.conversationId);
      tail = { lastSeq: row.last_seq, lastMessageAt: message.createdAt };
      tails.set(message.conversationId, tail);
    }
    const seq = ++tail.lastSeq;
    tail.lastMessageAt = message.createdAt;
    const { hiddenFor, ...stored } = message;
    sql.insertMessage.run({ ...stored, seq, content: JSON.stringify(message.content) });
    if (hiddenFor !== undefined) sql.insertBlockedHide.run({ userId: hiddenFor, messageId: message.id, conversationId: message.conversationId, seq });
    cursors.set(`${message.conversationId}\n${message.senderId}`, { conversationId: message.conversationId, senderId: message.senderId, seq });
    return { outcome: 'created', message: { ...stored, seq } as Message };
  });
  for (const [conversationId, tail] of tails) sql.setConversationTail.run(tail.lastSeq, tail.lastMessageAt, conversationId);
  for (const cursor of cursors.values()) sql.raiseReadCursor.run(cursor.seq, cursor.conversationId, cursor.senderId);
  return results;
}
