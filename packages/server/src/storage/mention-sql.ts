/**
 * The table of migration 12, the same text for both dialects (SQLite gives BIGINT integer affinity):
 * one row per message and mentioned user, `*` for `@all`. Part of a shipped migration: never edit.
 * @internal
 */
export const MENTIONS_TABLE_SQL = `CREATE TABLE message_mentions (
      message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
      conversation_id TEXT NOT NULL,
      seq BIGINT NOT NULL,
      sender_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      PRIMARY KEY (message_id, user_id)
    );
    CREATE INDEX message_mentions_by_user ON message_mentions(conversation_id, user_id, seq);`;

/**
 * The SQL of unread mentions, the same text for SQLite and PostgreSQL (`@name` parameters; PostgreSQL's
 * go through `named`). A message naming the user and `@all` counts once (GROUP BY); the window keeps
 * the newest `@max` of each conversation.
 * @internal
 */
export const UNREAD_MENTIONS_SQL = `
  SELECT conversation_id, seq FROM (
    SELECT mm.conversation_id, mm.seq, ROW_NUMBER() OVER (PARTITION BY mm.conversation_id ORDER BY mm.seq DESC) AS place
    FROM conversation_members me
    JOIN message_mentions mm ON mm.conversation_id = me.conversation_id AND mm.user_id IN (@userId, '*') AND mm.seq > me.read_seq
    WHERE me.user_id = @userId AND mm.sender_id <> @userId
      AND (CAST(@conversationId AS TEXT) IS NULL OR me.conversation_id = CAST(@conversationId AS TEXT))
      AND NOT EXISTS (SELECT 1 FROM message_hides h WHERE h.user_id = @userId AND h.message_id = mm.message_id)
    GROUP BY mm.conversation_id, mm.seq
  ) ranked
  WHERE place <= @max
  ORDER BY conversation_id, seq`;

/** @internal */
export interface MentionRow {
  conversation_id: string;
  seq: number | string;
}

/** The rows grouped by conversation (PostgreSQL gives BIGINT as a string). @internal */
export function mentionSeqsFromRows(rows: readonly MentionRow[]): Map<string, number[]> {
  const seqs = new Map<string, number[]>();
  for (const row of rows) {
    const list = seqs.get(row.conversation_id);
    if (list) list.push(Number(row.seq));
    else seqs.set(row.conversation_id, [Number(row.seq)]);
  }
  return seqs;
}
