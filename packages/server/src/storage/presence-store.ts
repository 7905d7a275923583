/** The storage contract of presence: each user's privacy setting and when they were last seen (part of {@link Store} as `store.presence`). */
import type { PresenceSettings } from '@confab/protocol';

/** What is stored of one user's presence. */
export interface PresenceRecord extends PresenceSettings {
  /** When the user's last socket closed (ms); null when never. */
  lastSeenAt: number | null;
}

/** One friend of a user with their stored presence (defaults when they have no row). */
export interface FriendPresenceRecord extends PresenceRecord {
  userId: string;
}

export interface PresenceStore {
  /** The user's stored presence, or the defaults (`showPresence: true`, `lastSeenAt: null`). */
  get(userId: string): Promise<PresenceRecord>;
  /** Every friend of `userId` (friendship rows, so the assistant too) with their stored presence. */
  listFriends(userId: string): Promise<FriendPresenceRecord[]>;
  /** Writes the privacy setting (creating the row when missing); returns the record after. */
  setShowPresence(userId: string, showPresence: boolean, now: number): Promise<PresenceRecord>;
  /** Writes when the user was last seen; an older time than the stored one is ignored. */
  setLastSeen(userId: string, at: number): Promise<void>;
}
