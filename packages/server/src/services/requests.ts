import type { Request } from '@confab/protocol';
import type { CreateRequestInput } from '../schemas.js';
import type { FriendshipService } from './friendship.js';
import type { GroupRequestService } from './group-requests.js';

/** One request model over friend requests and group join requests: one list, one set of actions. */
export function createRequestService(friendship: FriendshipService, groupRequests: GroupRequestService) {
  /** Routes an action on a request id to the kind of request it is. */
  const byKind =
    (friend: (userId: string, id: string) => Promise<Request>, group: (userId: string, id: string) => Promise<Request>) =>
    async (userId: string, requestId: string): Promise<Request> =>
      (await groupRequests.isGroupRequest(requestId)) ? group(userId, requestId) : friend(userId, requestId);

  return {
    /** Incoming and outgoing requests of both kinds, newest first. */
    async list(userId: string): Promise<Request[]> {
      const [friends, groups] = await Promise.all([friendship.listRequests(userId), groupRequests.list(userId)]);
      return [...friends, ...groups].sort((a, b) => b.createdAt - a.createdAt);
    },
    create(userId: string, input: CreateRequestInput): Promise<Request> {
      return input.kind === 'group'
        ? groupRequests.create(userId, input.groupId, input.note ?? '')
        : friendship.createRequest(userId, input);
    },
    accept: byKind(friendship.acceptRequest, groupRequests.accept),
    reject: byKind(friendship.rejectRequest, groupRequests.reject),
    cancel: byKind(friendship.cancelRequest, groupRequests.cancel),
  };
}

export type RequestService = ReturnType<typeof createRequestService>;
