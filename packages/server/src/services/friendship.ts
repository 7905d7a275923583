import type { Friend, FriendRequest } from '@confab/protocol';
import { isAssistant } from '../ai/assistant-user.js';
import { ApiError } from '../errors.js';
import { newId } from '../ids.js';
import type { CreateFriendRequestInput } from '../schemas.js';
import type { ServiceContext } from './context.js';

type Role = 'target' | 'sender';

/** `onBefriended`: told after two users became friends (and both were sent `friend:added`). */
export function createFriendshipService(context: ServiceContext, onBefriended: (userA: string, userB: string) => Promise<void> = async () => undefined) {
  const { store, notifier } = context;

  /** `request:updated` to both parties (every socket of each). */
  function pushUpdated(request: FriendRequest): void {
    notifier.toUser(request.from.id, 'request:updated', request);
    notifier.toUser(request.to.id, 'request:updated', request);
  }

  /** `friend:added` to each user, each seeing the other as the friend and the conversation from their side. */
  async function pushFriendAdded(userA: string, userB: string): Promise<void> {
    for (const [userId, friendId] of [[userA, userB], [userB, userA]] as const) {
      const [friendship, user] = await Promise.all([store.getFriendship(userId, friendId), store.getUser(friendId)]);
      if (!friendship || !user) continue;
      const conversation = await store.getConversationView(userId, friendship.conversationId);
      if (!conversation) continue;
      const friend = { user, conversationId: friendship.conversationId, since: friendship.since };
      notifier.toUser(userId, 'friend:added', { friend, conversation });
    }
  }

  /** Tells both parties a request was accepted and they are friends. */
  async function announceAccepted(request: FriendRequest): Promise<FriendRequest> {
    pushUpdated(request);
    await pushFriendAdded(request.from.id, request.to.id);
    await onBefriended(request.from.id, request.to.id);
    return request;
  }

  async function accept(requestId: string): Promise<FriendRequest> {
    const accepted = await store.acceptFriendRequest(requestId, context.now(), newId('c'));
    if (!accepted) throw new ApiError('CONFLICT', 'This request was already handled');
    return announceAccepted(accepted.request);
  }

  /** The request, checked to exist, to be the caller's to handle in `role`, and to be pending. */
  async function pendingFor(userId: string, requestId: string, role: Role): Promise<FriendRequest> {
    const request = await store.getRequest(requestId);
    if (!request) throw new ApiError('NOT_FOUND', 'No such request');
    const party = role === 'target' ? request.to.id : request.from.id;
    if (party !== userId) {
      throw new ApiError('FORBIDDEN', role === 'target' ? 'Only the recipient can answer this request' : 'Only the sender can cancel this request');
    }
    if (request.status !== 'pending') throw new ApiError('CONFLICT', `This request was already ${request.status}`);
    return request;
  }

  async function settle(userId: string, requestId: string, status: 'rejected' | 'cancelled'): Promise<FriendRequest> {
    await pendingFor(userId, requestId, status === 'rejected' ? 'target' : 'sender');
    const settled = await store.settleRequest(requestId, status, context.now());
    if (!settled) throw new ApiError('CONFLICT', 'This request was already handled');
    pushUpdated(settled);
    return settled;
  }

  return {
    /**
     * Sends a friend request. When the target already asked the caller, that request is accepted
     * instead and returned with status `accepted`.
     */
    async createRequest(userId: string, input: CreateFriendRequestInput): Promise<FriendRequest> {
      const { targetId } = input;
      if (isAssistant(targetId)) throw new ApiError('FORBIDDEN', 'The assistant is everyone\'s contact already', { field: 'targetId' });
      if (targetId === userId) throw new ApiError('VALIDATION', 'You cannot send a friend request to yourself', { field: 'targetId' });
      if (!(await store.getUser(targetId))) throw new ApiError('NOT_FOUND', 'No such user', { field: 'targetId' });
      const result = await store.requestFriendship(
        { id: newId('r'), fromId: userId, toId: targetId, note: input.note?.trim() ?? '', createdAt: context.now() },
        newId('c'),
      );
      if (result.outcome === 'friends') throw new ApiError('CONFLICT', 'You are already friends');
      if (result.outcome === 'pending') throw new ApiError('CONFLICT', 'A request between you is already pending');
      if (result.outcome === 'accepted') return announceAccepted(result.request);
      const { request } = result;
      notifier.toUser(targetId, 'request:new', request);
      notifier.toUser(userId, 'request:new', request);
      return request;
    },

    async acceptRequest(userId: string, requestId: string): Promise<FriendRequest> {
      await pendingFor(userId, requestId, 'target');
      return accept(requestId);
    },

    rejectRequest: (userId: string, requestId: string) => settle(userId, requestId, 'rejected'),
    cancelRequest: (userId: string, requestId: string) => settle(userId, requestId, 'cancelled'),
    listRequests: (userId: string): Promise<FriendRequest[]> => store.listRequests(userId),
    listFriends: (userId: string): Promise<Friend[]> => store.listFriends(userId),

    /** Deletes both friendship rows; the conversation and its history stay. */
    async removeFriend(userId: string, friendId: string): Promise<void> {
      if (isAssistant(friendId)) throw new ApiError('FORBIDDEN', 'The assistant cannot be removed from your contacts');
      const conversationId = await store.removeFriendship(userId, friendId);
      if (conversationId === null) throw new ApiError('NOT_FOUND', 'This user is not your friend');
      notifier.toUser(userId, 'friend:removed', { userId: friendId, conversationId });
      notifier.toUser(friendId, 'friend:removed', { userId, conversationId });
    },
  };
}

export type FriendshipService = ReturnType<typeof createFriendshipService>;
