import { LIMITS, type TypingEvent } from '@confab/protocol';
import type { ClientContext } from './context.js';
import { timers } from './timers.js';
import type { ChatClient } from './types.js';

type TypingOperations = Pick<ChatClient, 'notifyTyping'> & {
  /** `typing` from the server: shown until it expires (our own, from another device, is not shown). */
  onTyping(event: TypingEvent): void;
  /** Our message was stored: the next keystroke there tells the others again at once (the message cleared it for them). */
  onOwnMessage(conversationId: string): void;
  /** Forgets the throttle and stops the expiry timers (the session ended). */
  reset(): void;
};

/** Typing indicators: ours sent throttled, others' shown until they expire. @internal */
export function createTypingOperations(context: ClientContext, now: () => number): TypingOperations {
  const lastSent = new Map<string, number>();
  const pending = new Set<unknown>();

  return {
    onTyping({ conversationId, userId }) {
      if (userId === context.getState().me?.id) return;
      context.dispatch({ type: 'typing/started', conversationId, userId, expiresAt: now() + LIMITS.typingExpiresMs });
      const handle = timers.setTimeout(() => {
        pending.delete(handle);
        context.dispatch({ type: 'typing/expired', now: now() });
      }, LIMITS.typingExpiresMs);
      pending.add(handle);
    },

    notifyTyping(conversationId) {
      const connection = context.connection();
      const at = now();
      if (!connection || at - (lastSent.get(conversationId) ?? -Infinity) < LIMITS.typingThrottleMs) return;
      lastSent.set(conversationId, at);
      connection.request('typing', { conversationId }).catch(() => {
        // Best effort: a lost typing indicator is not worth an error.
      });
    },

    onOwnMessage(conversationId) {
      lastSent.delete(conversationId);
    },

    reset() {
      lastSent.clear();
      for (const handle of pending) timers.clearTimeout(handle);
      pending.clear();
    },
  };
}
