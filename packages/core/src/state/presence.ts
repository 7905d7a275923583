import type { Presence } from '@confab/protocol';
import type { ChatState } from '../types.js';
import type { ChatAction } from './actions.js';

/** Friends' presence by user id, and whether we show ours (when we hide it, we see nobody's). */
export type PresenceState = ChatState['presence'];

/** @internal */
export const initialPresenceState: PresenceState = { byUser: {}, showPresence: true };

const same = (a: Presence | undefined, b: Presence): boolean => a !== undefined && a.online === b.online && a.lastSeenAt === b.lastSeenAt;

/** Presence: replaced by a list (sync, our settings changed), changed by live `presence` events. */
export function presenceReducer(state: PresenceState, action: ChatAction): PresenceState {
  switch (action.type) {
    case 'presence/loaded':
      return { byUser: Object.fromEntries(action.presence.map((entry) => [entry.userId, entry])), showPresence: action.showPresence };
    case 'presence/changed':
      return same(state.byUser[action.presence.userId], action.presence) ? state : { ...state, byUser: { ...state.byUser, [action.presence.userId]: action.presence } };
    case 'friend/removed': {
      if (!(action.userId in state.byUser)) return state;
      const { [action.userId]: _removed, ...byUser } = state.byUser;
      return { ...state, byUser };
    }
    case 'session/reset':
      return initialPresenceState;
    default:
      return state;
  }
}

/** A friend's presence as we may see it, or null when unknown (not a friend, the assistant, or not fetched yet). */
export function presenceOf(state: Pick<ChatState, 'presence'>, userId: string): Presence | null {
  return state.presence.byUser[userId] ?? null;
}
