/** Row shapes and SELECT fragments of the group queries, and their mappers. */
import type { GroupConversation, GroupJoinRequest, GroupRole, GroupSummary, JoinPolicy, RequestStatus } from '@confab/protocol';
import { LAST_MESSAGE_COLUMNS, lastMessageFromRow, prefixedUser, userFromPrefixed } from './rows.js';

const MEMBER_COUNT = '(SELECT COUNT(*) FROM conversation_members x WHERE x.conversation_id = g.conversation_id)';

/** A group as `@viewerId` sees it. Callers add WHERE and ORDER BY. */
export const GROUP_SUMMARY_SELECT = `
  SELECT g.conversation_id AS id, g.name, g.description, g.avatar_url, g.join_policy, ${MEMBER_COUNT} AS member_count,
    (SELECT v.role FROM conversation_members v WHERE v.conversation_id = g.conversation_id AND v.user_id = @viewerId) AS my_role
  FROM groups g`;

export interface GroupSummaryRow {
  id: string;
  name: string;
  description: string;
  avatar_url: string | null;
  join_policy: JoinPolicy;
  member_count: number;
  my_role: GroupRole | null;
}

export function groupSummaryFromRow(row: GroupSummaryRow): GroupSummary {
  return {
    id: row.id,
    name: row.name,
    avatarUrl: row.avatar_url,
    description: row.description,
    memberCount: row.member_count,
    myRole: row.my_role,
    joinPolicy: row.join_policy,
  };
}

/** A group conversation as the member `me` sees it, with the last message. Callers add WHERE (`me.user_id`) and ORDER BY. */
export const GROUP_VIEW_SELECT = `
  SELECT c.id, c.last_seq, c.created_at, c.last_message_at, me.read_seq, me.role AS my_role,
    g.name, g.description, g.avatar_url, g.join_policy, ${MEMBER_COUNT} AS member_count,
    ${LAST_MESSAGE_COLUMNS}
  FROM conversation_members me
  JOIN conversations c ON c.id = me.conversation_id AND c.kind = 'group'
  JOIN groups g ON g.conversation_id = c.id
  LEFT JOIN messages m ON m.conversation_id = c.id AND m.seq = c.last_seq`;

export interface GroupViewRow extends GroupSummaryRow {
  last_seq: number;
  created_at: number;
  last_message_at: number | null;
  read_seq: number;
  m_id: string | null;
  [column: string]: unknown;
}

export function groupConversationFromRow(row: GroupViewRow): GroupConversation {
  return {
    id: row.id,
    kind: 'group',
    group: groupSummaryFromRow(row),
    lastMessage: lastMessageFromRow(row),
    lastSeq: row.last_seq,
    readSeq: row.read_seq,
    unread: Math.max(0, row.last_seq - row.read_seq),
    pinned: false,
    muted: false,
    activeAt: row.last_message_at ?? row.created_at,
  };
}

export const GROUP_REQUEST_SELECT = `
  SELECT r.id, r.group_id, g.name AS group_name, g.avatar_url AS group_avatar_url, r.note, r.status, r.created_at, r.updated_at,
    ${prefixedUser('f', 'from')}, ${prefixedUser('d', 'decider')}
  FROM group_requests r JOIN groups g ON g.conversation_id = r.group_id JOIN users f ON f.id = r.from_id
  LEFT JOIN users d ON d.id = r.decided_by`;

export interface GroupRequestRow {
  id: string;
  group_id: string;
  group_name: string;
  group_avatar_url: string | null;
  note: string;
  status: RequestStatus;
  created_at: number;
  updated_at: number;
  decider_id: string | null;
  [column: string]: unknown;
}

export function groupRequestFromRow(row: GroupRequestRow): GroupJoinRequest {
  return {
    id: row.id,
    kind: 'group',
    group: { id: row.group_id, name: row.group_name, avatarUrl: row.group_avatar_url },
    from: userFromPrefixed(row, 'from'),
    note: row.note,
    status: row.status,
    decidedBy: row.decider_id === null ? null : userFromPrefixed(row, 'decider'),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
