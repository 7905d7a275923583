import type { GroupRole, Message } from '@confab/protocol';
import type { Pool, PoolClient } from 'pg';
import type { GroupStore, NewNotice } from '../group-store.js';
import { insertWithNextSeq, raiseReadCursor } from './append.js';
import { inTransaction, RollBack } from './transaction.js';

export type GroupWriteMethods = Pick<GroupStore, 'createGroup' | 'updateGroup' | 'addMember' | 'removeMember' | 'setRole' | 'transferOwner' | 'dissolveGroup'>;

/** Appends a system notice with the next seq (the actor's cursor moves to it if they are a member). In a transaction. */
export async function appendNotice(client: PoolClient, groupId: string, notice: NewNotice): Promise<Message> {
  return insertWithNextSeq(client, {
    id: notice.id,
    conversationId: groupId,
    senderId: notice.content.actorId,
    clientMsgId: `system:${notice.id}`,
    type: 'system',
    content: notice.content,
    createdAt: notice.createdAt,
  });
}

/**
 * Runs `work` in a transaction that first locks the group's conversation row, the lock every
 * append takes: members, roles and notices then change in one order on every node, and a message
 * sent while a member is removed lands wholly before or wholly after.
 */
export function inGroupTransaction<T>(pool: Pool, groupId: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE', [groupId]);
    return work(client);
  });
}

/** Adds the member (cursor at the current end) and the notice; null when already a member. In a group transaction. */
export async function joinGroup(client: PoolClient, groupId: string, userId: string, role: GroupRole, notice: NewNotice): Promise<Message | null> {
  const { rowCount } = await client.query(
    `INSERT INTO conversation_members (conversation_id, user_id, read_seq, role, joined_at)
     VALUES ($1, $2, (SELECT last_seq FROM conversations WHERE id = $1), $3, $4) ON CONFLICT DO NOTHING`,
    [groupId, userId, role, notice.createdAt],
  );
  if (rowCount !== 1) return null;
  const message = await appendNotice(client, groupId, notice);
  await raiseReadCursor(client, groupId, userId, message.seq);
  return message;
}

/** Groups' changes: creation, fields, members, roles, ownership, dissolution; each with its notice. */
export function groupWriteMethods(pool: Pool): GroupWriteMethods {
  return {
    createGroup(group) {
      return inTransaction(pool, async (client) => {
        await client.query("INSERT INTO conversations (id, kind, last_seq, created_at) VALUES ($1, 'group', 0, $2)", [group.id, group.createdAt]);
        await client.query(
          'INSERT INTO groups (conversation_id, name, description, avatar_url, join_policy, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
          [group.id, group.name, group.description, group.avatarUrl, group.joinPolicy, group.createdAt],
        );
        await client.query(
          `INSERT INTO conversation_members (conversation_id, user_id, read_seq, role, joined_at)
           SELECT $1, member.id, 0, CASE WHEN member.id = $2 THEN 'owner' ELSE 'member' END, $3
           FROM unnest($4::text[]) AS member(id) ON CONFLICT DO NOTHING`,
          [group.id, group.ownerId, group.createdAt, [group.ownerId, ...group.memberIds]],
        );
        const message = await appendNotice(client, group.id, group.notice);
        // Like a joiner, a first member starts with everything so far (the `created` notice) read.
        await client.query('UPDATE conversation_members SET read_seq = GREATEST(read_seq, $1) WHERE conversation_id = $2 AND user_id = ANY($3::text[])', [
          message.seq,
          group.id,
          group.memberIds,
        ]);
        return message;
      });
    },

    updateGroup(groupId, patch, notice) {
      return inGroupTransaction(pool, groupId, async (client) => {
        await client.query(
          `UPDATE groups SET name = COALESCE($2, name), description = COALESCE($3, description),
             avatar_url = CASE WHEN $4::boolean THEN $5::text ELSE avatar_url END, join_policy = COALESCE($6, join_policy)
           WHERE conversation_id = $1`,
          [groupId, patch.name ?? null, patch.description ?? null, patch.avatarUrl !== undefined, patch.avatarUrl ?? null, patch.joinPolicy ?? null],
        );
        return notice ? appendNotice(client, groupId, notice) : null;
      });
    },

    addMember(groupId, userId, role, notice) {
      return inGroupTransaction(pool, groupId, (client) => joinGroup(client, groupId, userId, role, notice));
    },

    removeMember(groupId, userId, notice) {
      return inGroupTransaction(pool, groupId, async (client) => {
        const { rowCount } = await client.query('DELETE FROM conversation_members WHERE conversation_id = $1 AND user_id = $2', [groupId, userId]);
        return rowCount === 1 ? appendNotice(client, groupId, notice) : null;
      });
    },

    setRole(groupId, userId, role, notice) {
      return inGroupTransaction(pool, groupId, async (client) => {
        const { rowCount } = await client.query(
          "UPDATE conversation_members SET role = $1 WHERE conversation_id = $2 AND user_id = $3 AND role IN ('admin', 'member')",
          [role, groupId, userId],
        );
        return rowCount === 1 ? appendNotice(client, groupId, notice) : null;
      });
    },

    transferOwner(groupId, fromId, toId, notice) {
      return inGroupTransaction(pool, groupId, async (client) => {
        if (fromId === toId) return null;
        const demoted = await client.query("UPDATE conversation_members SET role = 'admin' WHERE conversation_id = $1 AND user_id = $2 AND role = 'owner'", [groupId, fromId]);
        if (demoted.rowCount !== 1) return null;
        const promoted = await client.query(
          "UPDATE conversation_members SET role = 'owner' WHERE conversation_id = $1 AND user_id = $2 AND role IN ('admin', 'member')",
          [groupId, toId],
        );
        if (promoted.rowCount !== 1) throw new RollBack(null);
        return appendNotice(client, groupId, notice);
      });
    },

    dissolveGroup(groupId) {
      return inGroupTransaction(pool, groupId, async (client) => {
        const { rows } = await client.query<{ user_id: string }>('SELECT user_id FROM conversation_members WHERE conversation_id = $1', [groupId]);
        await client.query("DELETE FROM conversations WHERE id = $1 AND kind = 'group'", [groupId]);
        return rows.map((row) => row.user_id);
      });
    },
  };
}
