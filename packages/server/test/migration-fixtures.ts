/**
 * Rows of a version-4 database (either backend: the SQL is the same) that migration 5 must carry
 * over: a direct conversation with a message, and friend requests pending both ways (r_2 the newer).
 */
export const VERSION_4_ROWS = `
  INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES ('u_a', 'a', 'A', 'x', 1), ('u_b', 'b', 'B', 'x', 1);
  INSERT INTO conversations (id, kind, direct_key, last_seq, created_at) VALUES ('c_ab', 'direct', 'u_a:u_b', 1, 1);
  INSERT INTO conversation_members (conversation_id, user_id, read_seq) VALUES ('c_ab', 'u_a', 1), ('c_ab', 'u_b', 0);
  INSERT INTO messages (id, conversation_id, seq, sender_id, client_msg_id, type, content, created_at)
    VALUES ('m_1', 'c_ab', 1, 'u_a', 'k1', 'text', '{"text":"hi"}', 1);
  INSERT INTO requests (id, kind, from_id, to_id, status, created_at, updated_at) VALUES
    ('r_1', 'friend', 'u_a', 'u_b', 'pending', 10, 10), ('r_2', 'friend', 'u_b', 'u_a', 'pending', 20, 20);
`;

/** A third request pending while r_1 is: refused by the one-pending-per-pair index after migration 5. */
export const SECOND_PENDING_REQUEST =
  "INSERT INTO requests (id, kind, from_id, to_id, status, created_at, updated_at) VALUES ('r_3', 'friend', 'u_b', 'u_a', 'pending', 30, 30)";
