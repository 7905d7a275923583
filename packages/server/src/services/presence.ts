import type { Presence, PresenceListResponse, PresenceSettings } from '@confab/protocol';
import { isAssistant } from '../ai/assistant-user.js';
import { ApiError } from '../errors.js';
import type { PresenceTracker } from '../realtime/presence-tracker.js';
import type { FriendPresenceRecord } from '../storage/presence-store.js';
import type { ServiceContext } from './context.js';

/** What a friend sees of a user who hides their presence (or when they hide their own). */
const hidden = (userId: string): Presence => ({ userId, online: false, lastSeenAt: null });

/** The friends that may be told about a user: people (not the assistant) who show their own presence. */
const watchers = (friends: FriendPresenceRecord[]): string[] => friends.filter((friend) => friend.showPresence && !isAssistant(friend.userId)).map((friend) => friend.userId);

/**
 * Presence for friends: online (a socket on any node, counted by the tracker) or last seen (stored when
 * the last socket closed). Friends only, never the assistant, and reciprocal: a user who hides theirs is
 * shown to nobody and sees nobody's. Pushes go to the friends' user rooms, so they cross nodes.
 */
export function createPresenceService(context: ServiceContext, tracker: PresenceTracker, onError: (error: unknown, userId: string) => void) {
  const { store, notifier } = context;
  /** Per user, the work in flight: an online and the offline after it are announced in that order. */
  const queues = new Map<string, Promise<void>>();

  function serial(userId: string, work: () => Promise<void>): Promise<void> {
    const next = (queues.get(userId) ?? Promise.resolve()).then(work).catch((error: unknown) => onError(error, userId));
    queues.set(userId, next);
    void next.then(() => {
      if (queues.get(userId) === next) queues.delete(userId);
    });
    return next;
  }

  /** Tells the user's friends (those who show theirs) about the user, unless the user hides their presence. */
  async function announce(presence: Presence): Promise<void> {
    const [self, friends] = await Promise.all([store.presence.get(presence.userId), store.presence.listFriends(presence.userId)]);
    if (!self.showPresence) return;
    const to = watchers(friends);
    if (to.length > 0) notifier.toUsers(to, 'presence', presence);
  }

  async function wentOffline(userId: string): Promise<void> {
    const at = context.now();
    await store.presence.setLastSeen(userId, at);
    await announce({ userId, online: false, lastSeenAt: at });
  }

  const service = {
    /** A socket of the user connected: the first one anywhere makes them online. */
    connected: (userId: string): Promise<void> =>
      serial(userId, async () => {
        if (await tracker.connected(userId)) await announce({ userId, online: true, lastSeenAt: (await store.presence.get(userId)).lastSeenAt });
      }),

    /** A socket of the user closed: the last one anywhere makes them offline, last seen now. */
    disconnected: (userId: string): Promise<void> =>
      serial(userId, async () => {
        if (await tracker.disconnected(userId)) await wentOffline(userId);
      }),

    /** Renews this node's presence entries; the users of nodes that died go offline (announced by one node). */
    async refresh(): Promise<void> {
      for (const userId of await tracker.refresh()) await serial(userId, () => wentOffline(userId));
    },

    /** Resolves once every connect and disconnect seen so far is announced (before shutting down). */
    async idle(): Promise<void> {
      while (queues.size > 0) await Promise.all(queues.values());
    },

    /** Every friend's presence as the caller may see it, and the caller's settings. */
    async list(userId: string): Promise<PresenceListResponse> {
      const [self, all] = await Promise.all([store.presence.get(userId), store.presence.listFriends(userId)]);
      const friends = all.filter((friend) => !isAssistant(friend.userId));
      const settings = { showPresence: self.showPresence };
      if (!self.showPresence) return { presence: friends.map((friend) => hidden(friend.userId)), settings };
      const online = await tracker.onlineOf(friends.filter((friend) => friend.showPresence).map((friend) => friend.userId));
      const presence = friends.map((friend) => (friend.showPresence ? { userId: friend.userId, online: online.has(friend.userId), lastSeenAt: friend.lastSeenAt } : hidden(friend.userId)));
      return { presence, settings };
    },

    /** One friend's presence; NOT_FOUND for an unknown user or the assistant, FORBIDDEN for anyone not a friend. */
    async get(userId: string, friendId: string): Promise<Presence> {
      if (isAssistant(friendId) || !(await store.getUser(friendId))) throw new ApiError('NOT_FOUND', 'No such user', { field: 'userId' });
      if (!(await store.getFriendship(userId, friendId))) throw new ApiError('FORBIDDEN', 'Only friends see each other\'s presence');
      const [self, friend] = await Promise.all([store.presence.get(userId), store.presence.get(friendId)]);
      if (!self.showPresence || !friend.showPresence) return hidden(friendId);
      const online = await tracker.onlineOf([friendId]);
      return { userId: friendId, online: online.has(friendId), lastSeenAt: friend.lastSeenAt };
    },

    /** The caller's presence settings. */
    async settings(userId: string): Promise<PresenceSettings> {
      return { showPresence: (await store.presence.get(userId)).showPresence };
    },

    /**
     * Shows or hides the caller's presence. Every socket of theirs gets `presence:settings` with the
     * friends' presence as they now see it; when it changed, their friends get their presence as it now
     * shows (hidden, or online / last seen).
     */
    async setShowPresence(userId: string, showPresence: boolean): Promise<PresenceListResponse> {
      const before = await store.presence.get(userId);
      const after = await store.presence.setShowPresence(userId, showPresence, context.now());
      const list = await service.list(userId);
      notifier.toUser(userId, 'presence:settings', list);
      if (before.showPresence !== showPresence) {
        const to = watchers(await store.presence.listFriends(userId));
        const presence = showPresence ? { userId, online: (await tracker.onlineOf([userId])).has(userId), lastSeenAt: after.lastSeenAt } : hidden(userId);
        if (to.length > 0) notifier.toUsers(to, 'presence', presence);
      }
      return list;
    },

    /** Two users just became friends: each is told the other's presence, when both show theirs. Never throws. */
    async befriended(userA: string, userB: string): Promise<void> {
      for (const [to, about] of [[userA, userB], [userB, userA]] as const) {
        try {
          const [self, other] = await Promise.all([store.presence.get(to), store.presence.get(about)]);
          if (!self.showPresence || !other.showPresence || isAssistant(to) || isAssistant(about)) continue;
          const online = await tracker.onlineOf([about]);
          notifier.toUser(to, 'presence', { userId: about, online: online.has(about), lastSeenAt: other.lastSeenAt });
        } catch (error) {
          onError(error, about);
        }
      }
    },
  };
  return service;
}

export type PresenceService = ReturnType<typeof createPresenceService>;
