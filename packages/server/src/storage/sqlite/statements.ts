import type { Database, Statement } from 'better-sqlite3';
import { CONVERSATION_VIEW_SELECT, MESSAGE_COLUMNS, REQUEST_SELECT, USER_COLUMNS } from './rows.js';

/** The SQL of every statement the SQLite store runs. */
const SQL = {
  ping: 'SELECT 1',

  insertUser: `INSERT INTO users (id, username, display_name, password_hash, created_at)
     VALUES (@id, @username, @displayName, @passwordHash, @createdAt) ON CONFLICT(username) DO NOTHING`,
  insertExternalUser: `INSERT INTO users (id, username, display_name, avatar_url, password_hash, created_at)
     VALUES (@id, @username, @displayName, @avatarUrl, '!', @createdAt) ON CONFLICT(username) DO NOTHING`,
  insertExternalIdentity: 'INSERT INTO external_identities (app_id, subject, user_id, created_at) VALUES (?, ?, ?, ?)',
  externalUserId: 'SELECT user_id FROM external_identities WHERE app_id = ? AND subject = ?',
  updateProfile: 'UPDATE users SET display_name = ?, avatar_url = ? WHERE id = ?',
  userById: `SELECT ${USER_COLUMNS} FROM users WHERE id = ?`,
  userByUsername: `SELECT ${USER_COLUMNS}, password_hash, created_at FROM users WHERE username = ?`,
  searchUsers: `SELECT ${USER_COLUMNS} FROM users
     WHERE id <> @excludeId AND (username LIKE @contains ESCAPE '\\' OR display_name LIKE @contains ESCAPE '\\')
     ORDER BY CASE WHEN username LIKE @prefix ESCAPE '\\' OR display_name LIKE @prefix ESCAPE '\\' THEN 0 ELSE 1 END, username
     LIMIT @limit`,

  friendship: 'SELECT conversation_id, created_at FROM friendships WHERE user_id = ? AND friend_id = ?',
  friendsOf: `SELECT u.id, u.username, u.display_name, u.avatar_url, f.conversation_id, f.created_at AS since
     FROM friendships f JOIN users u ON u.id = f.friend_id WHERE f.user_id = ? ORDER BY u.display_name, u.username`,
  insertDirectConversation: `INSERT INTO conversations (id, kind, direct_key, last_seq, created_at) VALUES (?, 'direct', ?, 0, ?)
     ON CONFLICT(direct_key) DO NOTHING`,
  conversationIdByDirectKey: 'SELECT id FROM conversations WHERE direct_key = ?',
  insertMember: 'INSERT INTO conversation_members (conversation_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
  insertFriendship: `INSERT INTO friendships (user_id, friend_id, conversation_id, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  deleteFriendship: 'DELETE FROM friendships WHERE user_id = ? AND friend_id = ? RETURNING conversation_id',

  insertRequest: `INSERT INTO requests (id, kind, from_id, to_id, note, status, created_at, updated_at)
     VALUES (@id, 'friend', @fromId, @toId, @note, 'pending', @createdAt, @createdAt)`,
  requestById: `${REQUEST_SELECT} WHERE r.id = ?`,
  pendingRequest: `${REQUEST_SELECT} WHERE r.from_id = ? AND r.to_id = ? AND r.status = 'pending'`,
  requestsOf: `${REQUEST_SELECT} WHERE r.from_id = @userId OR r.to_id = @userId ORDER BY r.created_at DESC, r.rowid DESC`,
  settleRequest: `UPDATE requests SET status = @status, updated_at = @now WHERE id = @id AND status = 'pending'`,

  memberConversationViews: `${CONVERSATION_VIEW_SELECT}
     WHERE me.user_id = ?
     ORDER BY COALESCE(c.last_message_at, c.created_at) DESC, c.id`,
  conversation: 'SELECT id, kind, last_seq FROM conversations WHERE id = ?',
  sendContext: `SELECT c.id, c.kind, c.last_seq,
       (SELECT json_group_array(user_id) FROM
          (SELECT user_id FROM conversation_members WHERE conversation_id = c.id ORDER BY user_id)) AS member_ids,
       EXISTS (SELECT 1 FROM conversation_members WHERE conversation_id = c.id AND user_id = @userId) AS is_member,
       CASE WHEN c.kind = 'direct' THEN EXISTS (
         SELECT 1 FROM conversation_members p JOIN friendships f ON f.user_id = @userId AND f.friend_id = p.user_id
         WHERE p.conversation_id = c.id AND p.user_id <> @userId) ELSE 0 END AS friends_with_peer
     FROM conversations c WHERE c.id = @conversationId`,
  memberIds: 'SELECT user_id FROM conversation_members WHERE conversation_id = ? ORDER BY user_id',
  conversationView: `${CONVERSATION_VIEW_SELECT} WHERE me.user_id = ? AND c.id = ?`,
  conversationViews: `${CONVERSATION_VIEW_SELECT}
     JOIN friendships f ON f.user_id = me.user_id AND f.friend_id = peer.user_id AND f.conversation_id = c.id
     WHERE me.user_id = ?
     ORDER BY COALESCE(c.last_message_at, c.created_at) DESC, c.id`,

  messageByClientId: `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE sender_id = ? AND client_msg_id = ?`,
  nextSeq: 'UPDATE conversations SET last_seq = last_seq + 1, last_message_at = ? WHERE id = ? RETURNING last_seq',
  lastSeq: 'SELECT last_seq FROM conversations WHERE id = ?',
  setConversationTail: 'UPDATE conversations SET last_seq = ?, last_message_at = ? WHERE id = ?',
  insertMessage: `INSERT INTO messages (${MESSAGE_COLUMNS})
     VALUES (@id, @conversationId, @seq, @senderId, @clientMsgId, @type, @content, @createdAt)`,
  messagesAfter: `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq ASC LIMIT ?`,
  messagesBefore: `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?`,

  messageById: `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = ?`,
  updateMessageContent: 'UPDATE messages SET content = ? WHERE id = ?',
  updateStreamingReply: "UPDATE messages SET content = ? WHERE id = ? AND type = 'ai' AND json_extract(content, '$.status') = 'streaming'",
  endStreamingReplies: `UPDATE messages SET content = json_object('text', json_extract(content, '$.text'), 'status', 'error', 'error', json(?))
     WHERE type = 'ai' AND json_extract(content, '$.status') = 'streaming' AND COALESCE(json_extract(content, '$.flushedAt'), created_at) < ?
     RETURNING ${MESSAGE_COLUMNS}`,
  updateUserProfile: 'UPDATE users SET display_name = ?, avatar_url = ? WHERE id = ?',

  readCursor: `SELECT m.read_seq, c.last_seq FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id
     WHERE m.conversation_id = ? AND m.user_id = ?`,
  raiseReadCursor: 'UPDATE conversation_members SET read_seq = MAX(read_seq, ?) WHERE conversation_id = ? AND user_id = ?',
} as const;

export type Statements = Record<keyof typeof SQL, Statement>;

/** Prepares every statement once, when the store opens. */
export function prepareStatements(db: Database): Statements {
  const entries = Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)] as const);
  return Object.fromEntries(entries) as Statements;
}
