import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';

const TCP = Symbol('tcp socket');
const CORKED = Symbol('corked');
type Corkable = WebSocket & { [TCP]: Duplex; [CORKED]: boolean };
const send = WebSocket.prototype.send as (this: WebSocket, ...args: unknown[]) => void;

function sendCorked(this: Corkable, ...args: unknown[]): void {
  if (!this[CORKED]) {
    this[CORKED] = true;
    this[TCP].cork();
    process.nextTick(uncorkFrames, this);
  }
  send.apply(this, args);
}

function uncorkFrames(websocket: Corkable): void {
  websocket[CORKED] = false;
  websocket[TCP].uncork();
}

/**
 * Makes `ws.send` write the frames a connection gets in one turn of the event loop with one system
 * call: the first frame corks the TCP socket and schedules the uncork with `process.nextTick`. Sent
 * from a promise reaction (as acks are, once a group commit resolves every send of its batch), the
 * uncork waits for the reactions already queued, so the acks a commit releases and the pushes sent
 * with them leave together instead of one `writev` per frame.
 * Nothing waits for a timer: the frames are written in the same turn they were sent in.
 */
export function corkFramesPerTurn(websocket: WebSocket, socket: Duplex): void {
  // Shared functions and two fields per connection, no closures: memory per idle connection counts.
  const corkable = websocket as Corkable;
  corkable[TCP] = socket;
  corkable[CORKED] = false;
  corkable.send = sendCorked as WebSocket['send'];
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
