import type { User } from './entities.js';

/**
 * Someone the caller blocked, and since when (ms). While A blocks B: B's direct messages to A are
 * stored for B only (B gets a normal ack; A never receives them, not even later), B's friend requests
 * are not shown to A, B's typing is not shown to A, and A's own messages to B are refused (FORBIDDEN).
 * Group messages are not affected. B is never told.
 */
export interface BlockedUser {
  user: User;
  since: number;
}

/** `POST /blocks`: block a user (repeating it changes nothing). */
export interface BlockBody {
  userId: string;
}

/** `POST /blocks` answer: the block (the first one's time when it was there already). */
export interface BlockResponse {
  block: BlockedUser;
}

/** `GET /blocks`: the caller's blocked users, most recent first. */
export interface BlocksResponse {
  blocks: BlockedUser[];
}

/** `block:changed`: the caller blocked or unblocked someone (sent to the caller's own sockets only, never to the other user). */
export type BlockChangedEvent = { change: 'blocked'; block: BlockedUser } | { change: 'unblocked'; userId: string };
