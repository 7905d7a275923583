import type { GroupConversation, GroupJoinRequest, GroupMember, GroupRole, GroupSummary, MemberRead, Message } from '@confab/protocol';
import type { Database, Statement } from 'better-sqlite3';
import type { GroupDecision, GroupPatch, GroupRecord, GroupStore, NewGroup, NewGroupRequest, NewNotice } from '../group-store.js';
import {
  GROUP_REQUEST_SELECT,
  GROUP_SUMMARY_SELECT,
  GROUP_VIEW_SELECT,
  groupConversationFromRow,
  groupRequestFromRow,
  groupSummaryFromRow,
  type GroupRequestRow,
  type GroupSummaryRow,
  type GroupViewRow,
} from './group-rows.js';
import { USER_COLUMNS, userFromRow, type UserRow } from './rows.js';
import type { Statements } from './statements.js';

const SQL = {
  insertConversation: "INSERT INTO conversations (id, kind, last_seq, created_at) VALUES (?, 'group', 0, ?)",
  insertGroup: `INSERT INTO groups (conversation_id, name, description, avatar_url, join_policy, created_at)
    VALUES (@id, @name, @description, @avatarUrl, @joinPolicy, @createdAt)`,
  insertMember: `INSERT INTO conversation_members (conversation_id, user_id, read_seq, role, joined_at)
    VALUES (?, ?, (SELECT last_seq FROM conversations WHERE id = ?), ?, ?) ON CONFLICT DO NOTHING`,
  deleteMember: 'DELETE FROM conversation_members WHERE conversation_id = ? AND user_id = ?',
  setRole: "UPDATE conversation_members SET role = ? WHERE conversation_id = ? AND user_id = ? AND role IN ('admin', 'member')",
  demoteOwner: "UPDATE conversation_members SET role = 'admin' WHERE conversation_id = ? AND user_id = ? AND role = 'owner'",
  promoteOwner: "UPDATE conversation_members SET role = 'owner' WHERE conversation_id = ? AND user_id = ? AND role IN ('admin', 'member')",
  group: `SELECT g.conversation_id AS id, g.name, g.description, g.avatar_url, g.join_policy,
    (SELECT user_id FROM conversation_members o WHERE o.conversation_id = g.conversation_id AND o.role = 'owner') AS owner_id
    FROM groups g WHERE g.conversation_id = ?`,
  summary: `${GROUP_SUMMARY_SELECT} WHERE g.conversation_id = @groupId`,
  search: `${GROUP_SUMMARY_SELECT} WHERE g.name LIKE @contains ESCAPE '\\'
    ORDER BY CASE WHEN g.name LIKE @prefix ESCAPE '\\' THEN 0 ELSE 1 END, g.name COLLATE NOCASE, g.conversation_id LIMIT @limit`,
  role: 'SELECT role FROM conversation_members WHERE conversation_id = ? AND user_id = ?',
  members: `SELECT ${USER_COLUMNS.split(', ').map((column) => `u.${column}`).join(', ')}, m.role, m.joined_at
    FROM conversation_members m JOIN users u ON u.id = m.user_id WHERE m.conversation_id = ?
    ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END, m.joined_at, u.username`,
  memberIds: 'SELECT user_id FROM conversation_members WHERE conversation_id = ?',
  groupIds: "SELECT m.conversation_id FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id AND c.kind = 'group' WHERE m.user_id = ?",
  updateGroup: `UPDATE groups SET name = COALESCE(@name, name), description = COALESCE(@description, description),
    avatar_url = CASE WHEN @setAvatar THEN @avatarUrl ELSE avatar_url END, join_policy = COALESCE(@joinPolicy, join_policy)
    WHERE conversation_id = @id`,
  deleteConversation: "DELETE FROM conversations WHERE id = ? AND kind = 'group'",
  insertRequest: `INSERT INTO group_requests (id, group_id, from_id, note, status, created_at, updated_at)
    VALUES (@id, @groupId, @fromId, @note, 'pending', @createdAt, @createdAt)`,
  requestById: `${GROUP_REQUEST_SELECT} WHERE r.id = ?`,
  requestsOf: `${GROUP_REQUEST_SELECT} WHERE r.from_id = @userId OR r.group_id IN (
    SELECT conversation_id FROM conversation_members WHERE user_id = @userId AND role IN ('owner', 'admin'))
    ORDER BY r.created_at DESC, r.rowid DESC`,
  decide: "UPDATE group_requests SET status = @status, decided_by = @deciderId, updated_at = @now WHERE id = @id AND status = 'pending'",
  view: `${GROUP_VIEW_SELECT} WHERE me.user_id = ? AND c.id = ?`,
  views: `${GROUP_VIEW_SELECT} WHERE me.user_id = ? ORDER BY COALESCE(c.last_message_at, c.created_at) DESC, c.id`,
  reads: 'SELECT user_id AS userId, read_seq AS readSeq FROM conversation_members WHERE conversation_id = ? ORDER BY user_id',
} as const;

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The groups part of the SQLite store. @internal */
export class SqliteGroups implements GroupStore {
  private readonly sql: Record<keyof typeof SQL, Statement>;

  constructor(
    private readonly db: Database,
    private readonly shared: Statements,
  ) {
    this.sql = Object.fromEntries(Object.entries(SQL).map(([name, text]) => [name, db.prepare(text)])) as Record<keyof typeof SQL, Statement>;
  }

  /** Appends a system notice with the next seq; the actor's cursor moves to it if they are a member. Call inside a transaction. */
  private notice(groupId: string, notice: NewNotice): Message {
    const { last_seq: seq } = this.shared.nextSeq.get(notice.createdAt, groupId) as { last_seq: number };
    const message = {
      id: notice.id,
      conversationId: groupId,
      seq,
      senderId: notice.content.actorId,
      clientMsgId: `system:${notice.id}`,
      type: 'system' as const,
      content: notice.content,
      createdAt: notice.createdAt,
    };
    this.shared.insertMessage.run({ ...message, content: JSON.stringify(message.content) });
    this.shared.raiseReadCursor.run(seq, groupId, notice.content.actorId);
    return message;
  }

  /** Runs `work` in an immediate transaction; a throw inside becomes a rejection (so `.catch` sees a RollBack). */
  private async tx<T>(work: () => T): Promise<T> {
    return this.db.transaction(work).immediate();
  }

  createGroup(group: NewGroup): Promise<Message> {
    return this.tx(() => {
      this.sql.insertConversation.run(group.id, group.createdAt);
      this.sql.insertGroup.run(group);
      this.sql.insertMember.run(group.id, group.ownerId, group.id, 'owner', group.createdAt);
      for (const userId of group.memberIds) this.sql.insertMember.run(group.id, userId, group.id, 'member', group.createdAt);
      const message = this.notice(group.id, group.notice);
      // Like a joiner, a first member starts with everything so far (the `created` notice) read.
      for (const userId of group.memberIds) this.shared.raiseReadCursor.run(message.seq, group.id, userId);
      return message;
    });
  }

  async getGroup(groupId: string): Promise<GroupRecord | null> {
    const row = this.sql.group.get(groupId) as (Omit<GroupSummaryRow, 'member_count' | 'my_role'> & { owner_id: string }) | undefined;
    if (!row) return null;
    return { id: row.id, name: row.name, description: row.description, avatarUrl: row.avatar_url, joinPolicy: row.join_policy, ownerId: row.owner_id };
  }

  async getGroupSummary(groupId: string, viewerId: string): Promise<GroupSummary | null> {
    const row = this.sql.summary.get({ groupId, viewerId }) as GroupSummaryRow | undefined;
    return row ? groupSummaryFromRow(row) : null;
  }

  async searchGroups(query: string, viewerId: string, limit: number): Promise<GroupSummary[]> {
    const escaped = query.replace(/[\\%_]/g, (char) => `\\${char}`);
    const rows = this.sql.search.all({ viewerId, contains: `%${escaped}%`, prefix: `${escaped}%`, limit }) as GroupSummaryRow[];
    return rows.map(groupSummaryFromRow);
  }

  async getRole(groupId: string, userId: string): Promise<GroupRole | null> {
    return ((this.sql.role.get(groupId, userId) as { role: GroupRole | null } | undefined)?.role ?? null);
  }

  async listMembers(groupId: string): Promise<GroupMember[]> {
    const rows = this.sql.members.all(groupId) as (UserRow & { role: GroupRole; joined_at: number })[];
    return rows.map((row) => ({ user: userFromRow(row), role: row.role, joinedAt: row.joined_at }));
  }

  async listGroupIds(userId: string): Promise<string[]> {
    return this.sql.groupIds.pluck().all(userId) as string[];
  }

  updateGroup(groupId: string, patch: GroupPatch, notice: NewNotice | null): Promise<Message | null> {
    return this.tx(() => {
      this.sql.updateGroup.run({
        id: groupId,
        name: patch.name ?? null,
        description: patch.description ?? null,
        setAvatar: patch.avatarUrl !== undefined ? 1 : 0,
        avatarUrl: patch.avatarUrl ?? null,
        joinPolicy: patch.joinPolicy ?? null,
      });
      return notice ? this.notice(groupId, notice) : null;
    });
  }

  addMember(groupId: string, userId: string, role: GroupRole, notice: NewNotice): Promise<Message | null> {
    return this.tx(() => this.join(groupId, userId, role, notice));
  }

  /** Adds the member (cursor at the current end) and the notice; null when already a member. In a transaction. */
  private join(groupId: string, userId: string, role: GroupRole, notice: NewNotice): Message | null {
    if (this.sql.insertMember.run(groupId, userId, groupId, role, notice.createdAt).changes !== 1) return null;
    const message = this.notice(groupId, notice);
    this.shared.raiseReadCursor.run(message.seq, groupId, userId);
    return message;
  }

  removeMember(groupId: string, userId: string, notice: NewNotice): Promise<Message | null> {
    return this.tx(() => (this.sql.deleteMember.run(groupId, userId).changes === 1 ? this.notice(groupId, notice) : null));
  }

  setRole(groupId: string, userId: string, role: 'admin' | 'member', notice: NewNotice): Promise<Message | null> {
    return this.tx(() => (this.sql.setRole.run(role, groupId, userId).changes === 1 ? this.notice(groupId, notice) : null));
  }

  transferOwner(groupId: string, fromId: string, toId: string, notice: NewNotice): Promise<Message | null> {
    return this.tx(() => {
      if (fromId === toId || this.sql.demoteOwner.run(groupId, fromId).changes !== 1) return null;
      if (this.sql.promoteOwner.run(groupId, toId).changes !== 1) throw new RollBack();
      return this.notice(groupId, notice);
    }).catch((error: unknown) => {
      if (error instanceof RollBack) return null;
      throw error;
    });
  }

  dissolveGroup(groupId: string): Promise<string[]> {
    return this.tx(() => {
      const memberIds = this.sql.memberIds.pluck().all(groupId) as string[];
      this.sql.deleteConversation.run(groupId);
      return memberIds;
    });
  }

  async createRequest(request: NewGroupRequest): Promise<GroupJoinRequest | null> {
    try {
      this.sql.insertRequest.run(request);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
    return this.getRequest(request.id);
  }

  async getRequest(id: string): Promise<GroupJoinRequest | null> {
    const row = this.sql.requestById.get(id) as GroupRequestRow | undefined;
    return row ? groupRequestFromRow(row) : null;
  }

  async listRequests(userId: string): Promise<GroupJoinRequest[]> {
    return (this.sql.requestsOf.all({ userId }) as GroupRequestRow[]).map(groupRequestFromRow);
  }

  decideRequest(id: string, deciderId: string | null, status: 'accepted' | 'rejected' | 'cancelled', now: number, notice: NewNotice | null): Promise<GroupDecision | null> {
    return this.tx(() => {
      if (this.sql.decide.run({ id, status, deciderId, now }).changes !== 1) return null;
      const request = groupRequestFromRow(this.sql.requestById.get(id) as GroupRequestRow);
      const joined = status === 'accepted' && notice ? this.join(request.group.id, request.from.id, 'member', notice) : null;
      return { request, notice: joined };
    });
  }

  async getConversationView(userId: string, groupId: string): Promise<GroupConversation | null> {
    const row = this.sql.view.get(userId, groupId) as GroupViewRow | undefined;
    return row ? groupConversationFromRow(row) : null;
  }

  async listConversationViews(userId: string): Promise<GroupConversation[]> {
    return (this.sql.views.all(userId) as GroupViewRow[]).map(groupConversationFromRow);
  }

  async listReads(conversationId: string): Promise<MemberRead[]> {
    return this.sql.reads.all(conversationId) as MemberRead[];
  }
}

/** Thrown inside a transaction to undo it. */
class RollBack extends Error {}
