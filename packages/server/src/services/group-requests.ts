import type { GroupJoinRequest } from '@confab/protocol';
import { ApiError } from '../errors.js';
import { newId } from '../ids.js';
import type { ServiceContext } from './context.js';
import type { GroupAccess } from './group-access.js';

/**
 * Join requests: a non-member asks (`open` groups let them in at once, `invite` ones refuse); any
 * owner or admin decides, once — the store's `UPDATE ... WHERE status = 'pending'` and the membership
 * key make two decisions at the same moment yield one membership and one notice.
 */
export function createGroupRequestService(context: ServiceContext, access: GroupAccess) {
  const { store, notifier } = context;

  const pushUpdated = (request: GroupJoinRequest) =>
    access.toDeciders(request.group.id, request.from.id, (userId) => notifier.toUser(userId, 'request:updated', request));

  async function decide(deciderId: string | null, requestId: string, status: 'accepted' | 'rejected' | 'cancelled'): Promise<GroupJoinRequest> {
    const request = await store.groups.getRequest(requestId);
    if (!request) throw new ApiError('NOT_FOUND', 'No such request');
    const joined = status === 'accepted' ? await access.notice({ event: 'member_joined', actorId: request.from.id }) : null;
    const decision = await store.groups.decideRequest(requestId, deciderId, status, context.now(), joined);
    if (!decision) throw new ApiError('CONFLICT', 'This request was already handled');
    if (decision.notice) await access.announceJoin(request.group.id, request.from.id, 'member', decision.notice);
    await pushUpdated(decision.request);
    return decision.request;
  }

  /** The request (else NOT_FOUND), checked to be the caller's to decide: an owner or admin of its group. */
  async function requireDecider(userId: string, requestId: string): Promise<GroupJoinRequest> {
    const request = await store.groups.getRequest(requestId);
    if (!request) throw new ApiError('NOT_FOUND', 'No such request');
    const role = await store.groups.getRole(request.group.id, userId);
    if (role !== 'owner' && role !== 'admin') throw new ApiError('FORBIDDEN', 'Only the group\'s owner or admins answer join requests');
    if (request.status !== 'pending') throw new ApiError('CONFLICT', `This request was already ${request.status}`);
    return request;
  }

  return {
    /** Asks to join; under `open` the request comes back `accepted` and the caller is a member. */
    async create(userId: string, groupId: string, note: string): Promise<GroupJoinRequest> {
      const { group, role } = await access.groupFor(groupId, userId);
      if (role !== null) throw new ApiError('CONFLICT', 'You are already a member of this group');
      if (group.joinPolicy === 'invite') throw new ApiError('FORBIDDEN', 'This group is invite only');
      const request = await store.groups.createRequest({ id: newId('r'), groupId, fromId: userId, note: note.trim(), createdAt: context.now() });
      if (!request) throw new ApiError('CONFLICT', 'A request to join this group is already pending');
      if (group.joinPolicy === 'open') return decide(null, request.id, 'accepted');
      await access.toDeciders(groupId, userId, (recipient) => notifier.toUser(recipient, 'request:new', request));
      return request;
    },

    async accept(userId: string, requestId: string): Promise<GroupJoinRequest> {
      await requireDecider(userId, requestId);
      return decide(userId, requestId, 'accepted');
    },

    async reject(userId: string, requestId: string): Promise<GroupJoinRequest> {
      await requireDecider(userId, requestId);
      return decide(userId, requestId, 'rejected');
    },

    async cancel(userId: string, requestId: string): Promise<GroupJoinRequest> {
      const request = await store.groups.getRequest(requestId);
      if (!request) throw new ApiError('NOT_FOUND', 'No such request');
      if (request.from.id !== userId) throw new ApiError('FORBIDDEN', 'Only the sender can cancel this request');
      return decide(null, requestId, 'cancelled');
    },

    isGroupRequest: async (requestId: string): Promise<boolean> => (await store.groups.getRequest(requestId)) !== null,
    list: (userId: string): Promise<GroupJoinRequest[]> => store.groups.listRequests(userId),
  };
}

export type GroupRequestService = ReturnType<typeof createGroupRequestService>;
