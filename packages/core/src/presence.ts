import type { Presence, PresenceListResponse } from '@confab/protocol';
import type { ClientContext } from './context.js';
import type { ChatClient } from './types.js';

type PresenceOperations = Pick<ChatClient, 'setShowPresence'> & {
  /** The friends' presence and our settings: `sync`, `presence:settings` (any of our devices), our own change. */
  onList(list: PresenceListResponse): void;
  /** Live `presence` of a friend (also sent when a friendship starts). */
  onPresence(presence: Presence): void;
};

/** Friends' online / last seen, and our own privacy setting. @internal */
export function createPresenceOperations({ http, dispatch }: ClientContext): PresenceOperations {
  const onList = ({ presence, settings }: PresenceListResponse): void => dispatch({ type: 'presence/loaded', presence, showPresence: settings.showPresence });
  return {
    onList,
    onPresence: (presence) => dispatch({ type: 'presence/changed', presence }),
    async setShowPresence(showPresence) {
      const list = await http.patch<PresenceListResponse>('/me/presence', { showPresence });
      onList(list);
      return list.settings;
    },
  };
}
