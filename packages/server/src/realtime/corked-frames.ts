import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * Makes `ws.send` write the frames a connection gets in one turn of the event loop with one system
 * call: the first frame corks the TCP socket and schedules the uncork with `process.nextTick`, which
 * runs once the turn's callback and every promise reaction after it are done. So the acks a group
 * commit releases and the pushes sent with them leave together instead of one `writev` per frame.
 * Nothing waits for a timer: the frames are written in the same turn they were sent in.
 */
export function corkFramesPerTurn(websocket: WebSocket, socket: Duplex): void {
  const send = websocket.send;
  let corked = false;
  const uncork = (): void => {
    corked = false;
    socket.uncork();
  };
  websocket.send = function sendCorked(this: WebSocket, ...args: Parameters<WebSocket['send']>): void {
    if (!corked) {
      corked = true;
      socket.cork();
      process.nextTick(uncork);
    }
    send.apply(this, args);
  } as WebSocket['send'];
}

/** engine.io's WebSocket server (`wsEngine`) with `corkFramesPerTurn` on every connection. */
export class CorkedWebSocketServer extends WebSocketServer {
  override handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, callback: (websocket: WebSocket, request: IncomingMessage) => void): void {
    super.handleUpgrade(request, socket, head, (websocket, upgraded) => {
      corkFramesPerTurn(websocket, socket);
      callback(websocket, upgraded);
    });
  }
}
