import type { PresenceListResponse, SyncCursor } from '@confab/protocol';
import type { ClientContext } from './context.js';
import { heldChangeSeq } from './state/changes.js';
import type { ChatState, MessagesState } from './types.js';

/** Sync rounds per catch-up, at most (each brings up to a page per conversation). */
const MAX_ROUNDS = 1_000;

/**
 * The newest seq of a timeline with no gap below it, from its oldest stored message: the point to
 * fetch from. A live message past a gap does not move it, so the gap is fetched.
 * @internal
 */
export function contiguousSeq(timeline: MessagesState | undefined): number {
  let newest = 0;
  for (const item of timeline?.items ?? []) {
    if (item.state !== 'sent') break;
    if (newest !== 0 && item.message.seq !== newest + 1) break;
    newest = item.message.seq;
  }
  return newest;
}

/** Whether a timeline holds a stored message past a gap. @internal */
export function hasGap(timeline: MessagesState | undefined): boolean {
  const stored = timeline?.items.filter((item) => item.state === 'sent') ?? [];
  return stored.length > 0 && contiguousSeq(timeline) !== stored[stored.length - 1]?.message.seq;
}

/** The client's cursors: loaded timelines from what they hold, other conversations from the list. @internal */
export function buildCursors(state: ChatState, isLoaded: (conversationId: string) => boolean): SyncCursor[] {
  return state.conversations.list.map((conversation) => ({
    conversationId: conversation.id,
    seq: isLoaded(conversation.id) ? contiguousSeq(state.messages[conversation.id]) : conversation.lastSeq,
    readSeq: conversation.readSeq,
    ...(conversation.kind === 'direct' ? { peerReadSeq: conversation.peerReadSeq } : {}),
    changeSeq: heldChangeSeq(state.messages[conversation.id]?.changeSeq, conversation.changeSeq),
  }));
}

/** @internal */
export interface Sync {
  /** Catches up from the cursors; a request while one runs makes it run once more. */
  request(): Promise<void>;
}

/**
 * Catch-up over the `sync` event: the server answers with the conversations that moved and the
 * messages after each cursor, a page at a time; loaded timelines page until nothing is missing.
 * Changes (recalls, edits, our hides) come after each cursor's `changeSeq` and page the same way.
 * Live messages may land meanwhile: timelines merge by seq and id, so nothing repeats. The first round
 * asks for the friends' presence too.
 * @internal
 */
export function createSync(context: ClientContext, isLoaded: (conversationId: string) => boolean, onPresence: (list: PresenceListResponse) => void): Sync {
  let running: Promise<void> | null = null;
  let again = false;

  async function syncOnce(): Promise<void> {
    const session = context.session();
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const connection = context.connection();
      if (!connection || session !== context.session()) return;
      const cursors = buildCursors(context.getState(), isLoaded);
      // The first round also brings the friends' presence, so a reconnecting client is right again.
      const { conversations, settings = [], presence } = await connection.request('sync', round === 0 ? { cursors, presence: true } : { cursors });
      if (session !== context.session()) return;
      if (presence) onPresence(presence);
      let more = false;
      for (const { conversation, messages, hasMore, changes, changeSeq, hasMoreChanges } of conversations) {
        context.dispatch({ type: 'conversation/upserted', conversation });
        if (context.getState().messages[conversation.id] && messages.length > 0) {
          context.dispatch({ type: 'history/loaded', conversationId: conversation.id, messages });
        }
        // Recalls, edits and our hides made while we were away.
        if (changes && changeSeq !== undefined) context.dispatch({ type: 'messages/changed', conversationId: conversation.id, messages: changes, changeSeq });
        if (hasMoreChanges) more = true;
        if (isLoaded(conversation.id) && (hasMore || hasGap(context.getState().messages[conversation.id]))) more = true;
      }
      // Pins, mutes, marks and hides made on another device while we were away (after the rows they belong to).
      for (const { conversationId, settings: changed } of settings) context.dispatch({ type: 'conversation/settings', conversationId, settings: changed });
      if (!more) return;
    }
  }

  return {
    request() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        try {
          do {
            again = false;
            await syncOnce();
          } while (again);
        } finally {
          running = null;
        }
      })();
      return running;
    },
  };
}
