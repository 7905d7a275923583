import type { BlockResponse, FriendAddedEvent, RequestResponse, UsersResponse } from '@confab/protocol';
import type { ClientContext } from './context.js';
import { path } from './context.js';
import type { ChatClient } from './types.js';

type SocialOperations = Pick<
  ChatClient,
  'searchUsers' | 'sendFriendRequest' | 'acceptRequest' | 'rejectRequest' | 'cancelRequest' | 'removeFriend' | 'block' | 'unblock'
>;

/** Users, friend requests and friends over REST, with the results applied to the state. @internal */
export function createSocialOperations(context: ClientContext): SocialOperations {
  const { http, dispatch, inSession } = context;

  async function answerRequest(requestId: string, answer: 'accept' | 'reject' | 'cancel') {
    const { request } = await inSession(
      () => http.post<RequestResponse & Partial<FriendAddedEvent>>(`${path`/requests/${requestId}`}/${answer}`),
      (result) => {
        dispatch({ type: 'request/upserted', request: result.request });
        // An accept may answer with the friendship; it also arrives as friend:added (deduplicated).
        if (result.friend && result.conversation) context.applyFriendship({ friend: result.friend, conversation: result.conversation });
      },
    );
    return request;
  }

  return {
    async searchUsers(query) {
      const { users } = await http.get<UsersResponse>(`/users?query=${encodeURIComponent(query)}`);
      return users;
    },
    async sendFriendRequest(targetId, note) {
      const { request } = await inSession(
        () => http.post<RequestResponse>('/requests', { kind: 'friend', targetId, ...(note === undefined ? {} : { note }) }),
        (result) => dispatch({ type: 'request/upserted', request: result.request }),
      );
      return request;
    },
    acceptRequest: (requestId) => answerRequest(requestId, 'accept'),
    rejectRequest: (requestId) => answerRequest(requestId, 'reject'),
    cancelRequest: (requestId) => answerRequest(requestId, 'cancel'),
    async removeFriend(userId) {
      await inSession(
        () => http.delete<unknown>(path`/friends/${userId}`),
        () => dispatch({ type: 'friend/removed', userId }),
      );
    },
    async block(userId) {
      const { block } = await inSession(
        () => http.post<BlockResponse>('/blocks', { userId }),
        (result) => dispatch({ type: 'block/changed', event: { change: 'blocked', block: result.block } }),
      );
      return block;
    },
    async unblock(userId) {
      await inSession(
        () => http.delete<unknown>(path`/blocks/${userId}`),
        () => dispatch({ type: 'block/changed', event: { change: 'unblocked', userId } }),
      );
    },
  };
}
