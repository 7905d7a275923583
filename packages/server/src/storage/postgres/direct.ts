import type { Queryable } from './transaction.js';

/** The key that makes a pair's direct conversation unique: both ids, sorted. */
export function directKey(userA: string, userB: string): string {
  return [userA, userB].sort().join(':');
}

/**
 * The pair's direct conversation (created when missing, guarded by the unique direct key) with both
 * as members; call inside a transaction. A concurrent creator's row is waited for, then reused.
 */
export async function directConversation(db: Queryable, userA: string, userB: string, now: number, newConversationId: string): Promise<string> {
  const key = directKey(userA, userB);
  await db.query(
    `INSERT INTO conversations (id, kind, direct_key, last_seq, created_at) VALUES ($1, 'direct', $2, 0, $3)
     ON CONFLICT (direct_key) DO NOTHING`,
    [newConversationId, key, now],
  );
  const { rows } = await db.query<{ id: string }>('SELECT id FROM conversations WHERE direct_key = $1', [key]);
  const conversationId = rows[0]!.id;
  await db.query(
    'INSERT INTO conversation_members (conversation_id, user_id) VALUES ($1, $2), ($1, $3) ON CONFLICT DO NOTHING',
    [conversationId, userA, userB],
  );
  return conversationId;
}

/** Both friendship rows and the pair's direct conversation; call inside a transaction. */
export async function befriend(db: Queryable, userA: string, userB: string, now: number, newConversationId: string): Promise<string> {
  const conversationId = await directConversation(db, userA, userB, now, newConversationId);
  await db.query(
    `INSERT INTO friendships (user_id, friend_id, conversation_id, created_at) VALUES ($1, $2, $3, $4), ($2, $1, $3, $4)
     ON CONFLICT DO NOTHING`,
    [userA, userB, conversationId, now],
  );
  return conversationId;
}

/**
 * Serializes the transactions about one pair of users (friend requests both ways, accepting,
 * befriending) until the transaction ends, as SQLite's single writer does.
 */
export async function lockPair(db: Queryable, userA: string, userB: string): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`pair:${directKey(userA, userB)}`]);
}
