import type { ClientToServerEvents, Message, ServerToClientEvents } from '@confab/protocol';
import type { Server, Socket } from 'socket.io';

/** What the handshake leaves on each socket. */
export interface SocketData {
  userId: string;
  /** Token expiry, ms since epoch. */
  expiresAt: number;
  /** The groups the user belonged to at the handshake (read from storage); their rooms are joined on connect. */
  groupIds: string[];
}

/** Events between server nodes (through the Redis adapter). */
export interface InterServerEvents {
  /** Stop the AI reply `messageId` if this node is generating it; ack with the stopped reply, or null. */
  'ai:stop': (messageId: string, ack: (reply: Message | null) => void) => void;
}

export type ConfabIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type ConfabSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
