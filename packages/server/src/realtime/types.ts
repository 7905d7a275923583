import type { ClientToServerEvents, ServerToClientEvents } from '@confab/protocol';
import type { Server, Socket } from 'socket.io';

/** What the handshake leaves on each socket. */
export interface SocketData {
  userId: string;
  /** Token expiry, ms since epoch. */
  expiresAt: number;
  /** The groups the user belonged to at the handshake (read from storage); their rooms are joined on connect. */
  groupIds: string[];
}

export type ConfabIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type ConfabSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
