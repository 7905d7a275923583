import type { BlockedUser, Friend } from '@confab/protocol';
import type { ChatState } from '../types.js';
import type { ChatAction } from './actions.js';

/** Friends by display name, then user id so the order is stable. */
export function compareFriends(a: Friend, b: Friend): number {
  return a.user.displayName.localeCompare(b.user.displayName) || (a.user.id < b.user.id ? -1 : a.user.id > b.user.id ? 1 : 0);
}

function upsertFriend(friends: readonly Friend[], friend: Friend): readonly Friend[] {
  const rest = friends.filter((known) => known.user.id !== friend.user.id);
  return [...rest, friend].sort(compareFriends);
}

/** The friend list, one entry per user id, sorted by display name. */
export function friendsReducer(state: readonly Friend[], action: ChatAction): readonly Friend[] {
  switch (action.type) {
    case 'friends/loaded':
      return action.friends.reduce(upsertFriend, [] as readonly Friend[]);
    case 'friend/added':
      return upsertFriend(state, action.friend);
    case 'friend/removed':
      return state.some((friend) => friend.user.id === action.userId)
        ? state.filter((friend) => friend.user.id !== action.userId)
        : state;
    case 'session/reset':
      return [];
    default:
      return state;
  }
}

/** The users we block, most recent first, one entry per user. */
export function blockedReducer(state: readonly BlockedUser[], action: ChatAction): readonly BlockedUser[] {
  switch (action.type) {
    case 'blocks/loaded':
      return action.blocks;
    case 'block/changed': {
      const { event } = action;
      const userId = event.change === 'blocked' ? event.block.user.id : event.userId;
      const rest = state.filter((known) => known.user.id !== userId);
      if (event.change === 'blocked') return [event.block, ...rest];
      return rest.length === state.length ? state : rest;
    }
    case 'session/reset':
      return state.length === 0 ? state : [];
    default:
      return state;
  }
}

/** Whether we block `userId` (a 1:1 composer then offers to unblock instead of sending). */
export function isBlocked(state: Pick<ChatState, 'blocked'>, userId: string): boolean {
  return state.blocked.some((block) => block.user.id === userId);
}
