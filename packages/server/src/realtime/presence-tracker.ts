/**
 * Who is online: how many sockets each user has, counted on every node. The presence service asks it
 * whether a connect was the user's first socket anywhere and a disconnect their last.
 */
export interface PresenceTracker {
  /** A socket of the user connected on this node; resolves true when it is the user's first socket on any node. */
  connected(userId: string): Promise<boolean>;
  /** A socket of the user closed on this node; resolves true when it was the user's last socket on any node. */
  disconnected(userId: string): Promise<boolean>;
  /** Which of these users have a socket on a live node. */
  onlineOf(userIds: readonly string[]): Promise<Set<string>>;
  /**
   * Renews this node's entries (call it every `refreshMs`) and drops the entries of nodes that stopped
   * renewing theirs (they died without cleaning up); resolves with the users that left offline.
   */
  refresh(): Promise<string[]>;
  /** How often `refresh` should run, in ms. */
  readonly refreshMs: number;
}

/** The tracker of a single node: socket counts in memory (a restart starts everyone offline). */
export function createMemoryPresenceTracker(): PresenceTracker {
  const counts = new Map<string, number>();
  return {
    refreshMs: 60_000,
    async connected(userId) {
      const count = (counts.get(userId) ?? 0) + 1;
      counts.set(userId, count);
      return count === 1;
    },
    async disconnected(userId) {
      const count = (counts.get(userId) ?? 0) - 1;
      if (count > 0) counts.set(userId, count);
      else counts.delete(userId);
      return count === 0;
    },
    async onlineOf(userIds) {
      return new Set(userIds.filter((userId) => counts.has(userId)));
    },
    async refresh() {
      return [];
    },
  };
}
