import type { Timestamp } from './entities.js';

/**
 * What a friend may see of a user's presence. A user who hides it (or a caller who hides their own,
 * see {@link PresenceSettings}) shows as `{ online: false, lastSeenAt: null }`.
 */
export interface Presence {
  userId: string;
  /** At least one socket of the user is connected, on any server node. */
  online: boolean;
  /** When the user's last socket closed (ms); null when never seen, or hidden. Shown only while `online` is false. */
  lastSeenAt: Timestamp | null;
}

/** A user's presence privacy, the same on all of their devices. */
export interface PresenceSettings {
  /**
   * Friends see whether the user is online and when they were last seen. Reciprocal: a user who
   * hides theirs sees nobody's (everyone shows as `{ online: false, lastSeenAt: null }` to them).
   * @default true
   */
  showPresence: boolean;
}

/** The settings of a user who never changed them. */
export const DEFAULT_PRESENCE_SETTINGS: Readonly<PresenceSettings> = Object.freeze({ showPresence: true });

/** `GET /presence` (and `sync` with `presence: true`): every friend's presence (the assistant has none) and the caller's settings. */
export interface PresenceListResponse {
  presence: Presence[];
  settings: PresenceSettings;
}

/** `GET /presence/:userId`: one friend's presence. */
export interface PresenceResponse {
  presence: Presence;
}

/** `PATCH /me/presence`: the caller's new presence settings. */
export type PresenceSettingsBody = PresenceSettings;

/**
 * The answer of `PATCH /me/presence`, and the `presence:settings` event to every socket of the user:
 * the new settings with every friend's presence as the user now sees it (all hidden while theirs is).
 */
export type PresenceSettingsResponse = PresenceListResponse;
