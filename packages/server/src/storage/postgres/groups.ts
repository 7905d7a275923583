import type { GroupRole, MemberRead } from '@confab/protocol';
import type { Pool } from 'pg';
import type { GroupStore } from '../group-store.js';
import {
  GROUP_SUMMARY_SELECT,
  GROUP_VIEW_SELECT,
  groupConversationFromRow,
  groupSummaryFromRow,
  type GroupSummaryRow,
  type GroupViewRow,
} from '../sqlite/group-rows.js';
import { USER_COLUMNS, userFromRow, type UserRow } from '../sqlite/rows.js';
import { BY_ACTIVITY, likeEscape, named } from './sql.js';

export type GroupReadMethods = Pick<
  GroupStore,
  'getGroup' | 'getGroupSummary' | 'searchGroups' | 'getRole' | 'listMembers' | 'listGroupIds' | 'getConversationView' | 'listConversationViews' | 'listReads'
>;

const MEMBER_USER_COLUMNS = USER_COLUMNS.split(', ').map((column) => `u.${column}`).join(', ');

/** Groups as records, as a viewer sees them, their members, roles and read cursors. */
export function groupReadMethods(pool: Pool): GroupReadMethods {
  return {
    async getGroup(groupId) {
      const { rows } = await pool.query<Omit<GroupSummaryRow, 'member_count' | 'my_role'> & { owner_id: string }>(
        `SELECT g.conversation_id AS id, g.name, g.description, g.avatar_url, g.join_policy,
           (SELECT user_id FROM conversation_members o WHERE o.conversation_id = g.conversation_id AND o.role = 'owner') AS owner_id
         FROM groups g WHERE g.conversation_id = $1`,
        [groupId],
      );
      const row = rows[0];
      if (!row) return null;
      return { id: row.id, name: row.name, description: row.description, avatarUrl: row.avatar_url, joinPolicy: row.join_policy, ownerId: row.owner_id };
    },

    async getGroupSummary(groupId, viewerId) {
      const { text, values } = named(`${GROUP_SUMMARY_SELECT} WHERE g.conversation_id = @groupId`, { groupId, viewerId });
      const { rows } = await pool.query<GroupSummaryRow>(text, values);
      return rows[0] ? groupSummaryFromRow(rows[0]) : null;
    },

    async searchGroups(query, viewerId, limit) {
      const escaped = likeEscape(query);
      const { text, values } = named(
        `${GROUP_SUMMARY_SELECT} WHERE g.name ILIKE @contains
         ORDER BY CASE WHEN g.name ILIKE @prefix THEN 0 ELSE 1 END, lower(g.name) COLLATE "C", g.conversation_id COLLATE "C" LIMIT @limit`,
        { viewerId, contains: `%${escaped}%`, prefix: `${escaped}%`, limit },
      );
      const { rows } = await pool.query<GroupSummaryRow>(text, values);
      return rows.map(groupSummaryFromRow);
    },

    async getRole(groupId, userId) {
      const { rows } = await pool.query<{ role: GroupRole | null }>('SELECT role FROM conversation_members WHERE conversation_id = $1 AND user_id = $2', [groupId, userId]);
      return rows[0]?.role ?? null;
    },

    async listMembers(groupId) {
      const { rows } = await pool.query<UserRow & { role: GroupRole; joined_at: number }>(
        `SELECT ${MEMBER_USER_COLUMNS}, m.role, m.joined_at
         FROM conversation_members m JOIN users u ON u.id = m.user_id WHERE m.conversation_id = $1
         ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END, m.joined_at, lower(u.username) COLLATE "C"`,
        [groupId],
      );
      return rows.map((row) => ({ user: userFromRow(row), role: row.role, joinedAt: row.joined_at }));
    },

    async listGroupIds(userId) {
      const { rows } = await pool.query<{ conversation_id: string }>(
        "SELECT m.conversation_id FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id AND c.kind = 'group' WHERE m.user_id = $1",
        [userId],
      );
      return rows.map((row) => row.conversation_id);
    },

    async getConversationView(userId, groupId) {
      const { rows } = await pool.query<GroupViewRow>(`${GROUP_VIEW_SELECT} WHERE me.user_id = $1 AND c.id = $2`, [userId, groupId]);
      return rows[0] ? groupConversationFromRow(rows[0]) : null;
    },

    async listConversationViews(userId) {
      const { rows } = await pool.query<GroupViewRow>(
        `${GROUP_VIEW_SELECT} WHERE me.user_id = $1 ${BY_ACTIVITY}`,
        [userId],
      );
      return rows.map(groupConversationFromRow);
    },

    async listReads(conversationId) {
      const { rows } = await pool.query<MemberRead>(
        'SELECT user_id AS "userId", read_seq AS "readSeq" FROM conversation_members WHERE conversation_id = $1 ORDER BY user_id COLLATE "C"',
        [conversationId],
      );
      return rows;
    },
  };
}
