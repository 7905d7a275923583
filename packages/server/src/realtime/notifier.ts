import type { ServerToClientEvents } from '@confab/protocol';
import type { Notifier } from '../services/context.js';
import type { ConfabIo } from './types.js';

/** The room holding every socket of one user. */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** The room holding every socket of every member of a group. */
export function groupRoom(groupId: string): string {
  return `group:${groupId}`;
}

/**
 * Pushes to `user:<id>` rooms, so every tab and device of the user gets the event, and to
 * `group:<id>` rooms. Room changes go through `io.in(room)`, which an adapter carries to every node.
 */
export function createSocketNotifier(io: ConfabIo, skipSocketId?: string): Notifier {
  const emitTo = (room: string | string[], event: keyof ServerToClientEvents, args: unknown[]): void => {
    const target = skipSocketId === undefined ? io.to(room) : io.to(room).except(skipSocketId);
    // The typed emit cannot take a generic event name; the Notifier signature keeps callers typed.
    (target as unknown as { emit(event: keyof ServerToClientEvents, ...args: unknown[]): boolean }).emit(event, ...args);
  };
  return {
    toUser: (userId, event, ...args) => emitTo(userRoom(userId), event, args),
    toUsers: (userIds, event, ...args) => emitTo(userIds.map(userRoom), event, args),
    toGroup: (groupId, event, ...args) => emitTo(groupRoom(groupId), event, args),
    joinGroup: (userId, groupId) => io.in(userRoom(userId)).socketsJoin(groupRoom(groupId)),
    leaveGroup: (userId, groupId) => io.in(userRoom(userId)).socketsLeave(groupRoom(groupId)),
    except: (socketId) => createSocketNotifier(io, socketId),
  };
}
