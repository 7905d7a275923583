import type { ServerToClientEvents } from '@confab/protocol';
import type { Notifier } from '../services/context.js';
import type { ConfabIo } from './types.js';

/** The room holding every socket of one user. */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** Pushes to `user:<id>` rooms, so every tab and device of the user gets the event. */
export function createSocketNotifier(io: ConfabIo): Notifier {
  return {
    toUser(userId, event, ...args) {
      // The typed emit cannot take a generic event name; the signature above keeps callers typed.
      const room = io.to(userRoom(userId)) as unknown as { emit(event: keyof ServerToClientEvents, ...args: unknown[]): boolean };
      room.emit(event, ...args);
    },
  };
}
