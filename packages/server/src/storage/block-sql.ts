import type { BlockedUser } from '@confab/protocol';
import type { VisibleTail } from './block-store.js';
import { LAST_MESSAGE_COLUMNS, USER_COLUMNS, lastMessageFromRow, userFromRow, type UserRow } from './sqlite/rows.js';

const BLOCKED_USER = `SELECT b.created_at AS since, ${USER_COLUMNS.split(', ').map((column) => `u.${column}`).join(', ')}
  FROM user_blocks b JOIN users u ON u.id = b.blocked_id`;

/**
 * The SQL of blocks, the same text for SQLite and PostgreSQL (`@name` parameters; PostgreSQL's go
 * through `named`). `visibleTails` takes the dialect's test of `c.id` against the `@ids` list.
 * @internal
 */
export const BLOCK_SQL = {
  insert: `INSERT INTO user_blocks (user_id, blocked_id, created_at)
    SELECT @userId, @blockedId, @now WHERE EXISTS (SELECT 1 FROM users WHERE id = @blockedId)
    ON CONFLICT (user_id, blocked_id) DO NOTHING`,
  get: `${BLOCKED_USER} WHERE b.user_id = @userId AND b.blocked_id = @blockedId`,
  delete: 'DELETE FROM user_blocks WHERE user_id = @userId AND blocked_id = @blockedId',
  list: `${BLOCKED_USER} WHERE b.user_id = @userId ORDER BY b.created_at DESC, u.id`,
  either: 'SELECT blocked_id AS id FROM user_blocks WHERE user_id = @userId UNION SELECT user_id AS id FROM user_blocks WHERE blocked_id = @userId',
  between: `SELECT
      EXISTS (SELECT 1 FROM user_blocks WHERE user_id = @userId AND blocked_id = @otherId) AS blocks,
      EXISTS (SELECT 1 FROM user_blocks WHERE user_id = @otherId AND blocked_id = @userId) AS blocked_by`,
  keptFrom: 'SELECT user_id FROM message_hides WHERE message_id = @messageId AND blocked_seq IS NOT NULL',
  visibleTails: (idTest: string) => `SELECT c.id, c.created_at AS conversation_created_at, ${LAST_MESSAGE_COLUMNS}
    FROM conversations c
    JOIN message_hides t ON t.user_id = @userId AND t.conversation_id = c.id AND t.blocked_seq = c.last_seq
    LEFT JOIN messages m ON m.id = (
      SELECT x.id FROM messages x WHERE x.conversation_id = c.id
        AND NOT EXISTS (SELECT 1 FROM message_hides h WHERE h.user_id = @userId AND h.message_id = x.id AND h.blocked_seq IS NOT NULL)
      ORDER BY x.seq DESC LIMIT 1)
    WHERE ${idTest}`,
} as const;

/** @internal */
export type BlockedUserRow = UserRow & { since: number };

/** @internal */
export function blockedUserFromRow(row: BlockedUserRow): BlockedUser {
  return { user: userFromRow(row), since: row.since };
}

/** @internal */
export type VisibleTailRow = { id: string; conversation_created_at: number; m_id: string | null; [column: string]: unknown };

/** @internal */
export function visibleTailsFromRows(rows: readonly VisibleTailRow[]): Map<string, VisibleTail> {
  return new Map(
    rows.map((row) => {
      const lastMessage = lastMessageFromRow(row);
      return [row.id, { lastMessage, activeAt: lastMessage?.createdAt ?? row.conversation_created_at }];
    }),
  );
}
