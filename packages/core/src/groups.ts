import type {
  ConversationResponse,
  GroupMembersResponse,
  GroupMemberEvent,
  GroupResponse,
  GroupsResponse,
  ReadsResponse,
  RequestResponse,
} from '@confab/protocol';
import type { ClientContext } from './context.js';
import { path } from './context.js';
import type { ChatClient } from './types.js';

type GroupOperations = Pick<
  ChatClient,
  | 'createGroup'
  | 'searchGroups'
  | 'getGroup'
  | 'updateGroup'
  | 'dissolveGroup'
  | 'groupMembers'
  | 'addGroupMember'
  | 'removeGroupMember'
  | 'setGroupRole'
  | 'transferGroupOwner'
  | 'requestToJoin'
  | 'loadReads'
>;

/**
 * Applies a live `group:member`: the copy about us carries our conversation (joined) or null (we
 * left, were removed, or the group was dissolved); the others update the member count and roles.
 * @internal
 */
export function applyGroupMember(context: Pick<ClientContext, 'dispatch' | 'getState'>, event: GroupMemberEvent): void {
  if (event.conversation === null) context.dispatch({ type: 'conversation/removed', conversationId: event.groupId });
  else if (event.conversation) context.dispatch({ type: 'conversation/upserted', conversation: event.conversation });
  else context.dispatch({ type: 'group/member', event });
}

/** Groups over REST; the list follows from the live `group:*` events (and from the answers here). @internal */
export function createGroupOperations(context: ClientContext): GroupOperations {
  const { http, dispatch, inSession } = context;
  /** Puts the group's conversation, as we see it, in the list. */
  const upsertFromServer = (groupId: string) =>
    inSession(
      () => http.get<ConversationResponse>(path`/conversations/${groupId}`),
      ({ conversation }) => dispatch({ type: 'conversation/upserted', conversation }),
    );

  return {
    async createGroup(input) {
      const { group } = await http.post<GroupResponse>('/groups', input);
      await upsertFromServer(group.id);
      return group;
    },
    async searchGroups(query) {
      return (await http.get<GroupsResponse>(`/groups?query=${encodeURIComponent(query)}`)).groups;
    },
    async getGroup(groupId) {
      return (await http.get<GroupResponse>(path`/groups/${groupId}`)).group;
    },
    async updateGroup(groupId, changes) {
      const { group } = await http.patch<GroupResponse>(path`/groups/${groupId}`, changes);
      dispatch({ type: 'group/updated', group });
      return group;
    },
    async dissolveGroup(groupId) {
      await inSession(() => http.delete<unknown>(path`/groups/${groupId}`), () => dispatch({ type: 'conversation/removed', conversationId: groupId }));
    },
    async groupMembers(groupId) {
      return (await http.get<GroupMembersResponse>(path`/groups/${groupId}/members`)).members;
    },
    async addGroupMember(groupId, userId) {
      return (await http.post<GroupMembersResponse>(path`/groups/${groupId}/members`, { userId })).members;
    },
    async removeGroupMember(groupId, userId) {
      await inSession(
        () => http.delete<unknown>(path`/groups/${groupId}/members/${userId}`),
        () => {
          if (userId === context.requireMe().id) dispatch({ type: 'conversation/removed', conversationId: groupId });
        },
      );
    },
    async setGroupRole(groupId, userId, role) {
      return (await http.patch<GroupMembersResponse>(path`/groups/${groupId}/members/${userId}`, { role })).members;
    },
    async transferGroupOwner(groupId, userId) {
      return (await http.post<GroupMembersResponse>(path`/groups/${groupId}/owner`, { userId })).members;
    },
    async requestToJoin(groupId, note) {
      const { request } = await inSession(
        () => http.post<RequestResponse>('/requests', { kind: 'group', groupId, ...(note === undefined ? {} : { note }) }),
        (result) => dispatch({ type: 'request/upserted', request: result.request }),
      );
      if (request.status === 'accepted') {
        await upsertFromServer(groupId);
      }
      return request;
    },
    async loadReads(conversationId) {
      await inSession(
        () => http.get<ReadsResponse>(path`/conversations/${conversationId}/reads`),
        ({ reads }) => dispatch({ type: 'reads/loaded', conversationId, reads }),
      );
    },
  };
}
