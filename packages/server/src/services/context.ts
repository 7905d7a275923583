import type { ServerToClientEvents } from '@confab/protocol';
import type { DmPolicy, EmbedApp } from '../config.js';
import type { Store } from '../storage/store.js';

/** Pushes server events to every socket of a user. Implemented over socket.io rooms. */
export interface Notifier {
  toUser<E extends keyof ServerToClientEvents>(userId: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
  /** Pushes once to every socket of each of the users (one encoding, each socket once). */
  toUsers<E extends keyof ServerToClientEvents>(userIds: readonly string[], event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
  /** Pushes to every socket in the group's room (its members' sockets). */
  toGroup<E extends keyof ServerToClientEvents>(groupId: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
  /** Puts every socket of the user (all tabs and devices, every node) into the group's room. */
  joinGroup(userId: string, groupId: string): void;
  /** Takes every socket of the user out of the group's room at once. */
  leaveGroup(userId: string, groupId: string): void;
  /** The same pushes, skipping one socket (the one whose request caused them, which has its ack). */
  except(socketId: string): Notifier;
}

/** What every service needs: storage, live pushes, and the clock. */
export interface ServiceContext {
  store: Store;
  notifier: Notifier;
  /** Server time in ms. @default Date.now */
  now: () => number;
  /** Who may open direct conversations with whom. @default 'friends' */
  dmPolicy?: DmPolicy;
  /** Applications whose host identity tokens `POST /auth/exchange` accepts. @default [] */
  embedApps?: readonly EmbedApp[];
}
