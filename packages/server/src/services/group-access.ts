import type { GroupRole, Message, SystemContent } from '@confab/protocol';
import { ApiError } from '../errors.js';
import { newMessageStamp } from '../ids.js';
import type { GroupRecord, NewNotice } from '../storage/group-store.js';
import type { ServiceContext } from './context.js';

/** The checks and live pushes every group operation shares. */
export function createGroupAccess(context: ServiceContext) {
  const { store, notifier } = context;

  /** The group (else NOT_FOUND) and the caller's role in it (null for a non-member). */
  async function groupFor(groupId: string, userId: string): Promise<{ group: GroupRecord; role: GroupRole | null }> {
    const group = await store.groups.getGroup(groupId);
    if (!group) throw new ApiError('NOT_FOUND', 'No such group');
    return { group, role: await store.groups.getRole(groupId, userId) };
  }

  /** The group and the caller's role, which must be one of `allowed` (else FORBIDDEN). */
  async function requireRole(groupId: string, userId: string, allowed: readonly GroupRole[]): Promise<{ group: GroupRecord; role: GroupRole }> {
    const { group, role } = await groupFor(groupId, userId);
    if (role === null) throw new ApiError('FORBIDDEN', 'You are not a member of this group');
    if (!allowed.includes(role)) throw new ApiError('FORBIDDEN', `Only the group's ${allowed.join(' or ')} may do this`);
    return { group, role };
  }

  /** A notice with the display names of its actor and target as they are now. */
  async function notice(content: Omit<SystemContent, 'actorName' | 'targetName'>): Promise<NewNotice> {
    const nameOf = async (userId: string) => (await store.getUser(userId))?.displayName ?? 'Someone';
    const names = { actorName: await nameOf(content.actorId), ...(content.targetId === undefined ? {} : { targetName: await nameOf(content.targetId) }) };
    return { ...newMessageStamp(context.now()), content: { ...content, ...names } };
  }

  async function memberCount(groupId: string): Promise<number> {
    return (await store.groups.getGroupSummary(groupId, ''))?.memberCount ?? 0;
  }

  /** A member joined: the others hear it, the joiner's sockets enter the room and get their conversation, then the notice. */
  async function announceJoin(groupId: string, userId: string, role: GroupRole, message: Message): Promise<void> {
    const count = await memberCount(groupId);
    notifier.toGroup(groupId, 'group:member', { groupId, userId, change: 'joined', role, memberCount: count });
    notifier.joinGroup(userId, groupId);
    const conversation = await store.groups.getConversationView(userId, groupId);
    notifier.toUser(userId, 'group:member', { groupId, userId, change: 'joined', role, memberCount: count, conversation });
    notifier.toGroup(groupId, 'message:new', message);
  }

  /** A member is gone: every socket of theirs leaves the room at once and is told, then the rest hear it and get the notice. */
  async function announceDeparture(groupId: string, userId: string, change: 'left' | 'removed', message: Message): Promise<void> {
    const count = await memberCount(groupId);
    notifier.leaveGroup(userId, groupId);
    notifier.toUser(userId, 'group:member', { groupId, userId, change, memberCount: count, conversation: null });
    notifier.toGroup(groupId, 'group:member', { groupId, userId, change, memberCount: count });
    notifier.toGroup(groupId, 'message:new', message);
  }

  async function announceRole(groupId: string, userId: string, role: GroupRole): Promise<void> {
    notifier.toGroup(groupId, 'group:member', { groupId, userId, change: 'role_changed', role, memberCount: await memberCount(groupId) });
  }

  /** `request:new` / `request:updated` to the requester and every owner and admin of the group. */
  async function toDeciders(groupId: string, requesterId: string, push: (userId: string) => void): Promise<void> {
    const deciders = (await store.groups.listMembers(groupId)).filter((member) => member.role !== 'member').map((member) => member.user.id);
    for (const userId of new Set([requesterId, ...deciders])) push(userId);
  }

  return { groupFor, requireRole, notice, announceJoin, announceDeparture, announceRole, toDeciders };
}

export type GroupAccess = ReturnType<typeof createGroupAccess>;
