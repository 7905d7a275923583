import type { FriendAddedEvent, Message, User } from '@confab/protocol';
import type { Connection } from './connection.js';
import { ConfabError, isConfabError } from './errors.js';
import type { Http } from './http.js';
import type { ChatAction } from './state/actions.js';
import type { ChatState } from './types.js';

/** What the client's parts share: REST, the socket, the store and the session guard. @internal */
export interface ClientContext {
  readonly http: Http;
  getState(): ChatState;
  dispatch(action: ChatAction): void;
  emitError(error: ConfabError): void;
  /** The open connection, or null when logged out. */
  connection(): Connection | null;
  /** A number that changes when the session ends; compare to drop late answers. */
  session(): number;
  /** Runs `work` and applies its result only when the session did not end meanwhile. */
  inSession<T>(work: () => Promise<T>, apply: (result: T) => void): Promise<T>;
  /** Applies a stored message (live or our ack); true when it was new to the client. */
  receive(message: Message): boolean;
  /** Applies a new friendship and its conversation. */
  applyFriendship(event: FriendAddedEvent): void;
  /** The signed-in user; throws UNAUTHORIZED before login. */
  requireMe(): User;
}

/** A path with its ids URL-encoded: path`/conversations/${id}`. @internal */
export const path = (strings: TemplateStringsArray, ...ids: string[]): string =>
  strings.reduce((result, part, index) => result + encodeURIComponent(ids[index - 1] ?? '') + part);

/** Any thrown value as a ConfabError. @internal */
export function toConfabError(error: unknown): ConfabError {
  return isConfabError(error) ? error : new ConfabError('INTERNAL', String(error), { cause: error });
}

/**
 * Runs a socket request on the open connection (NETWORK when there is none); a failure is emitted as
 * an `error` event and rethrown as a ConfabError. @internal
 */
export async function reportedRequest<T>(context: ClientContext, run: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = context.connection();
  if (!connection) throw new ConfabError('NETWORK', 'Not connected.');
  try {
    return await run(connection);
  } catch (caught) {
    const error = toConfabError(caught);
    context.emitError(error);
    throw error;
  }
}
