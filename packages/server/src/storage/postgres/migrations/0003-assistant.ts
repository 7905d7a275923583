import type { PgMigration } from '../migrations.js';

/** `COLLATE "C"` compares ids byte-wise, as SQLite does. */
const ASSISTANT_KEY = `CASE WHEN u.id COLLATE "C" < 'u_assistant' THEN u.id || ':u_assistant' ELSE 'u_assistant:' || u.id END`;
const WITH_ASSISTANT = `(left(c.direct_key, 12) = 'u_assistant:' OR right(c.direct_key, 12) = ':u_assistant')`;

export const ASSISTANT_MIGRATION: PgMigration = {
  version: 3,
  name: 'the AI assistant: a bot user, a contact of every user',
  sql: `
    UPDATE users SET username = username || '-' || substr(id, 3, 8) WHERE lower(username) = 'assistant';
    INSERT INTO users (id, username, display_name, avatar_url, password_hash, created_at)
      VALUES ('u_assistant', 'assistant', 'Assistant', NULL, '!', 0);
    INSERT INTO conversations (id, kind, direct_key, last_seq, created_at)
      SELECT 'c_ai_' || u.id, 'direct', ${ASSISTANT_KEY}, 0, (extract(epoch FROM clock_timestamp()) * 1000)::bigint
      FROM users u WHERE u.id <> 'u_assistant'
      ON CONFLICT DO NOTHING;
    INSERT INTO conversation_members (conversation_id, user_id)
      SELECT c.id, u.id FROM users u JOIN conversations c ON c.direct_key = ${ASSISTANT_KEY}
      WHERE u.id <> 'u_assistant'
      ON CONFLICT DO NOTHING;
    INSERT INTO conversation_members (conversation_id, user_id)
      SELECT c.id, 'u_assistant' FROM conversations c WHERE ${WITH_ASSISTANT}
      ON CONFLICT DO NOTHING;
    INSERT INTO friendships (user_id, friend_id, conversation_id, created_at)
      SELECT m.user_id, 'u_assistant', m.conversation_id, c.created_at
      FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id
      WHERE ${WITH_ASSISTANT} AND m.user_id <> 'u_assistant'
      ON CONFLICT DO NOTHING;
    INSERT INTO friendships (user_id, friend_id, conversation_id, created_at)
      SELECT 'u_assistant', m.user_id, m.conversation_id, c.created_at
      FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id
      WHERE ${WITH_ASSISTANT} AND m.user_id <> 'u_assistant'
      ON CONFLICT DO NOTHING;
  `,
};
