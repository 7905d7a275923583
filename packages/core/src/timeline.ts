import { LIMITS, conversationSettingsOf, isBlankText, textLength } from '@confab/protocol';
import type { HistoryQuery, HistoryResponse } from '@confab/protocol';
import type { ClientContext } from './context.js';
import { path, toConfabError } from './context.js';
import { ConfabError } from './errors.js';
import type { Outbox } from './outbox.js';
import type { ChatClient, MessagesState } from './types.js';

type TimelineOperations = Pick<ChatClient, 'openConversation' | 'loadOlder' | 'sendText' | 'retry' | 'markRead'> & {
  /**
   * Loads the page around `seq` when it is older than the loaded timeline; true when it did (the gap up
   * to the loaded messages is then left for sync, which fills gaps of loaded timelines).
   */
  loadAround(conversationId: string, seq: number): Promise<boolean>;
  /** Whether the newest page of a timeline was loaded (live messages and sync keep it current). */
  isLoaded(conversationId: string): boolean;
  /** Forgets which timelines were loaded (the session ended). */
  reset(): void;
};

/** The trimmed text of a send or an edit; VALIDATION when blank, TOO_LARGE over the limit. @internal */
export function checkedText(text: string): string {
  const body = text.trim();
  if (isBlankText(body)) throw new ConfabError('VALIDATION', 'A message needs some text.');
  if (textLength(body) > LIMITS.textMaxLength) throw new ConfabError('TOO_LARGE', `A message holds at most ${LIMITS.textMaxLength} characters.`);
  return body;
}

function newestStoredSeq(timeline: MessagesState | undefined): number {
  let newest = 0;
  for (const item of timeline?.items ?? []) if (item.state === 'sent') newest = item.message.seq;
  return newest;
}

/** `GET /conversations/:id/messages?...` with the query's fields. @internal */
export const historyPath = (conversationId: string, query: HistoryQuery) =>
  `${path`/conversations/${conversationId}`}/messages?${Object.entries(query)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join('&')}`;

/** Opening, paging, sending and reading conversations. @internal */
export function createTimelineOperations(
  context: ClientContext,
  platform: { now: () => number; createId: () => string },
  outbox: Outbox,
): TimelineOperations {
  const { http, dispatch, inSession } = context;
  /** Timelines whose newest page was loaded (live messages keep them current). */
  const loaded = new Set<string>();
  const opening = new Map<string, Promise<void>>();

  async function loadPage(conversationId: string, query: HistoryQuery): Promise<void> {
    dispatch({ type: 'history/requested', conversationId });
    try {
      await inSession(
        () => http.get<HistoryResponse>(historyPath(conversationId, query)),
        ({ messages, hasMore, changeSeq }) => dispatch({ type: 'history/loaded', conversationId, messages, hasOlder: hasMore, changeSeq }),
      );
    } catch (error) {
      dispatch({ type: 'history/failed', conversationId });
      throw error;
    }
  }

  function openConversation(conversationId: string): Promise<void> {
    if (loaded.has(conversationId)) return Promise.resolve();
    let pending = opening.get(conversationId);
    if (!pending) {
      pending = loadPage(conversationId, { limit: LIMITS.historyPageDefault })
        .then(() => void loaded.add(conversationId))
        .finally(() => opening.delete(conversationId));
      opening.set(conversationId, pending);
    }
    return pending;
  }

  return {
    openConversation,

    async loadAround(conversationId, seq) {
      await openConversation(conversationId);
      const oldest = context.getState().messages[conversationId]?.items.find((item) => item.state === 'sent')?.message.seq;
      if (oldest === undefined || seq >= oldest) return false;
      await loadPage(conversationId, { around: seq, limit: LIMITS.historyPageDefault });
      return true;
    },

    async loadOlder(conversationId) {
      const timeline = context.getState().messages[conversationId];
      const oldest = timeline?.items.find((item) => item.state === 'sent')?.message.seq;
      if (!loaded.has(conversationId) || oldest === undefined) return openConversation(conversationId);
      if (timeline?.loading || !timeline?.hasOlder) return;
      await loadPage(conversationId, { before: oldest, limit: LIMITS.historyPageDefault });
    },

    async sendText(conversationId, text, options = {}) {
      const body = checkedText(text);
      const clientMsgId = platform.createId();
      return outbox.send({
        id: `pending:${clientMsgId}`,
        conversationId,
        seq: 0,
        senderId: context.requireMe().id,
        clientMsgId,
        type: 'text',
        content: {
          text: body,
          ...(options.replyTo ? { replyTo: { messageId: options.replyTo.id, seq: options.replyTo.seq, senderId: options.replyTo.senderId } } : {}),
          ...(options.mentions ? { mentions: options.mentions } : {}),
        },
        createdAt: platform.now(),
      });
    },

    async retry(conversationId, clientMsgId) {
      const me = context.requireMe();
      const item = context
        .getState()
        .messages[conversationId]?.items.find((candidate) => candidate.message.senderId === me.id && candidate.message.clientMsgId === clientMsgId);
      if (!item) throw new ConfabError('NOT_FOUND', `No message ${clientMsgId} in this conversation.`);
      if (item.state === 'sent') return item.message;
      if (item.state === 'sending') throw new ConfabError('CONFLICT', 'The message is still being sent.');
      return outbox.retry(clientMsgId) ?? outbox.send(item.message);
    },

    async markRead(conversationId, seq) {
      const me = context.requireMe();
      const state = context.getState();
      const conversation = state.conversations.list.find((item) => item.id === conversationId);
      const target = seq ?? (newestStoredSeq(state.messages[conversationId]) || conversation?.lastSeq || 0);
      const connection = context.connection();
      const marked = conversation?.markedUnread === true;
      if ((target <= (conversation?.readSeq ?? 0) && !marked) || !connection) return;
      // Optimistic: unread derives from the new cursor at once; the server's echo is applied by max.
      dispatch({ type: 'read/applied', conversationId, userId: me.id, readSeq: target });
      // Reading clears a mark-unread (the server clears it too and tells our other devices).
      if (conversation && marked) dispatch({ type: 'conversation/settings', conversationId, settings: { ...conversationSettingsOf(conversation), markedUnread: false } });
      try {
        await inSession(
          () => connection.request('conversation:read', { conversationId, seq: target }),
          (reply) => dispatch({ type: 'read/applied', conversationId, userId: me.id, readSeq: reply.readSeq }),
        );
      } catch (caught) {
        const error = toConfabError(caught);
        context.emitError(error);
        throw error;
      }
    },

    isLoaded: (conversationId) => loaded.has(conversationId),

    reset() {
      loaded.clear();
      opening.clear();
    },
  };
}
