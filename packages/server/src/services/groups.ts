import { LIMITS, NAME_PROBLEMS, nameProblem, type GroupMember, type GroupSummary, type MemberRead } from '@confab/protocol';
import { isAssistant } from '../ai/assistant-user.js';
import { ApiError } from '../errors.js';
import { newId } from '../ids.js';
import type { CreateGroupInput, UpdateGroupInput } from '../schemas.js';
import type { GroupPatch } from '../storage/group-store.js';
import type { ServiceContext } from './context.js';
import type { GroupAccess } from './group-access.js';

/** A trimmed group name that passes the name rule (else VALIDATION). */
function cleanName(name: string): string {
  const trimmed = name.trim();
  const problem = nameProblem(trimmed);
  if (problem) throw new ApiError('VALIDATION', `The group name ${NAME_PROBLEMS[problem]}`, { fields: [{ field: 'name', problem: NAME_PROBLEMS[problem] }] });
  return trimmed;
}

/**
 * Groups: create, edit, dissolve, members, roles and ownership. Who may do what is the table in
 * docs/guide/groups.md; every check is here, against stored roles.
 */
export function createGroupService(context: ServiceContext, access: GroupAccess) {
  const { store, notifier } = context;
  const { requireRole, groupFor, notice } = access;

  /** Someone the caller may put in a group: a friend of theirs, never the assistant. */
  async function requireAddable(callerId: string, userId: string): Promise<void> {
    if (isAssistant(userId)) throw new ApiError('FORBIDDEN', 'The assistant cannot join groups', { field: 'userId' });
    if (!(await store.getFriendship(callerId, userId))) throw new ApiError('FORBIDDEN', 'You can only add your friends', { field: 'userId' });
  }

  async function summary(groupId: string, viewerId: string): Promise<GroupSummary> {
    const group = await store.groups.getGroupSummary(groupId, viewerId);
    if (!group) throw new ApiError('NOT_FOUND', 'No such group');
    return group;
  }

  return {
    /** Creates a group owned by the caller with friends as its first members. */
    async create(userId: string, input: CreateGroupInput): Promise<GroupSummary> {
      const name = cleanName(input.name);
      const memberIds = [...new Set(input.memberIds ?? [])].filter((id) => id !== userId);
      for (const memberId of memberIds) await requireAddable(userId, memberId);
      const id = newId('c');
      const message = await store.groups.createGroup({
        id,
        ownerId: userId,
        name,
        description: input.description?.trim() ?? '',
        avatarUrl: input.avatarUrl ?? null,
        joinPolicy: input.joinPolicy ?? 'approval',
        memberIds,
        createdAt: context.now(),
        notice: await notice({ event: 'created', actorId: userId, name }),
      });
      for (const memberId of [userId, ...memberIds]) {
        notifier.joinGroup(memberId, id);
        const conversation = await store.groups.getConversationView(memberId, id);
        const role = memberId === userId ? 'owner' : 'member';
        notifier.toUser(memberId, 'group:member', { groupId: id, userId: memberId, change: 'joined', role, memberCount: memberIds.length + 1, conversation });
      }
      notifier.toGroup(id, 'message:new', message);
      return summary(id, userId);
    },

    /** Any signed-in user sees a group's summary (to ask to join it). */
    get: summary,

    async search(userId: string, query: string): Promise<GroupSummary[]> {
      const trimmed = query.trim();
      return trimmed === '' ? [] : store.groups.searchGroups(trimmed, userId, LIMITS.searchResultsMax);
    },

    async update(userId: string, groupId: string, input: UpdateGroupInput): Promise<GroupSummary> {
      const { group } = await requireRole(groupId, userId, ['owner', 'admin']);
      const patch: GroupPatch = { ...input, ...(input.name !== undefined ? { name: cleanName(input.name) } : {}) };
      if (patch.description !== undefined) patch.description = patch.description.trim();
      const renamed = patch.name !== undefined && patch.name !== group.name;
      const message = await store.groups.updateGroup(groupId, patch, renamed ? await notice({ event: 'renamed', actorId: userId, name: patch.name }) : null);
      const updated = await summary(groupId, userId);
      const { id, name, description, avatarUrl, joinPolicy } = updated;
      notifier.toGroup(groupId, 'group:updated', { group: { id, name, description, avatarUrl, joinPolicy } });
      if (message) notifier.toGroup(groupId, 'message:new', message);
      return updated;
    },

    /** Owner only: deletes the group, its history and requests; every member's sockets leave the room. */
    async dissolve(userId: string, groupId: string): Promise<void> {
      await requireRole(groupId, userId, ['owner']);
      for (const memberId of await store.groups.dissolveGroup(groupId)) {
        notifier.leaveGroup(memberId, groupId);
        notifier.toUser(memberId, 'group:member', { groupId, userId, change: 'dissolved', memberCount: 0, conversation: null });
      }
    },

    async members(userId: string, groupId: string): Promise<GroupMember[]> {
      await requireRole(groupId, userId, ['owner', 'admin', 'member']);
      return store.groups.listMembers(groupId);
    },

    /** Adds a friend of the caller: owners and admins always; members unless the group is invite only. */
    async addMember(userId: string, groupId: string, targetId: string): Promise<GroupMember[]> {
      const { group, role } = await requireRole(groupId, userId, ['owner', 'admin', 'member']);
      if (role === 'member' && group.joinPolicy === 'invite') throw new ApiError('FORBIDDEN', 'Only owners and admins add members to this group');
      await requireAddable(userId, targetId);
      const message = await store.groups.addMember(groupId, targetId, 'member', await notice({ event: 'member_added', actorId: userId, targetId }));
      if (!message) throw new ApiError('CONFLICT', 'Already a member');
      await access.announceJoin(groupId, targetId, 'member', message);
      return store.groups.listMembers(groupId);
    },

    /**
     * Removes `targetId`; the caller themself means leaving (the owner transfers ownership first).
     * The owner removes anyone; an admin removes members; a member removes no one.
     */
    async removeMember(userId: string, groupId: string, targetId: string): Promise<void> {
      const leaving = targetId === userId;
      const { role } = await requireRole(groupId, userId, leaving ? ['owner', 'admin', 'member'] : ['owner', 'admin']);
      if (leaving && role === 'owner') throw new ApiError('CONFLICT', 'Transfer ownership before leaving, or dissolve the group');
      const { role: targetRole } = await groupFor(groupId, targetId);
      if (targetRole === null) throw new ApiError('NOT_FOUND', 'Not a member of this group');
      if (!leaving && role === 'admin' && targetRole !== 'member') throw new ApiError('FORBIDDEN', 'Admins remove members only');
      const content = leaving ? { event: 'member_left' as const, actorId: userId } : { event: 'member_removed' as const, actorId: userId, targetId };
      const message = await store.groups.removeMember(groupId, targetId, await notice(content));
      if (!message) throw new ApiError('NOT_FOUND', 'Not a member of this group');
      await access.announceDeparture(groupId, targetId, leaving ? 'left' : 'removed', message);
    },

    /** Owner only: makes a member an admin or an admin a member. */
    async setRole(userId: string, groupId: string, targetId: string, role: 'admin' | 'member'): Promise<GroupMember[]> {
      await requireRole(groupId, userId, ['owner']);
      const { role: current } = await groupFor(groupId, targetId);
      if (current === null) throw new ApiError('NOT_FOUND', 'Not a member of this group');
      if (current === 'owner') throw new ApiError('CONFLICT', 'The owner\'s role changes only by a transfer');
      if (current !== role) {
        const message = await store.groups.setRole(groupId, targetId, role, await notice({ event: 'role_changed', actorId: userId, targetId, role }));
        if (!message) throw new ApiError('CONFLICT', 'The member\'s role changed meanwhile');
        await access.announceRole(groupId, targetId, role);
        notifier.toGroup(groupId, 'message:new', message);
      }
      return store.groups.listMembers(groupId);
    },

    /** Owner only: `targetId` (a member) becomes the owner, the caller an admin. */
    async transferOwner(userId: string, groupId: string, targetId: string): Promise<GroupMember[]> {
      await requireRole(groupId, userId, ['owner']);
      const { role: current } = await groupFor(groupId, targetId);
      if (current === null) throw new ApiError('NOT_FOUND', 'Not a member of this group');
      const message = await store.groups.transferOwner(groupId, userId, targetId, await notice({ event: 'owner_transferred', actorId: userId, targetId }));
      if (!message) throw new ApiError('CONFLICT', 'Ownership could not be transferred');
      await access.announceRole(groupId, userId, 'admin');
      await access.announceRole(groupId, targetId, 'owner');
      notifier.toGroup(groupId, 'message:new', message);
      return store.groups.listMembers(groupId);
    },

    /** Every member's read cursor (members only). */
    async reads(userId: string, groupId: string): Promise<MemberRead[]> {
      const record = await store.getConversation(groupId);
      if (!record) throw new ApiError('NOT_FOUND', 'No such conversation');
      if (!record.memberIds.includes(userId)) throw new ApiError('FORBIDDEN', 'You are not a member of this conversation');
      return store.groups.listReads(groupId);
    },

    /** Group ids of the user's stored memberships (socket rooms on connect). */
    groupIdsOf: (userId: string): Promise<string[]> => store.groups.listGroupIds(userId),
  };
}

export type GroupService = ReturnType<typeof createGroupService>;
