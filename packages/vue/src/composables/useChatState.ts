import { computed, getCurrentScope, onScopeDispose, shallowRef, toValue } from 'vue';
import type { ComputedRef, MaybeRefOrGetter, ShallowRef } from 'vue';
import type { ChatState, ConversationsState, MessagesState } from '@confab/core';
import { useChatClient } from '../plugin.js';

/**
 * The client's state as a shallow ref: a copy of `client.getState()`, replaced on every `state` event.
 * Unsubscribes when the calling component (or effect scope) is disposed.
 */
export function useChatState(): Readonly<ShallowRef<ChatState>> {
  const client = useChatClient();
  const state = shallowRef(client.getState());
  const unsubscribe = client.on('state', (next) => {
    state.value = next;
  });
  if (getCurrentScope()) onScopeDispose(unsubscribe);
  return state;
}

/** Conversations sorted by activity as the core gives them, with unread counts. */
export function useConversations(): ComputedRef<ConversationsState> {
  const state = useChatState();
  return computed(() => state.value.conversations);
}

const NO_MESSAGES: MessagesState = Object.freeze({ items: Object.freeze([]), hasOlder: false, loading: false });

/**
 * The timeline of one conversation; an empty timeline while none is selected or loaded.
 * @example const messages = useMessages(() => props.conversationId)
 */
export function useMessages(conversationId: MaybeRefOrGetter<string | null>): ComputedRef<MessagesState> {
  const state = useChatState();
  return computed(() => {
    const id = toValue(conversationId);
    return (id !== null && state.value.messages[id]) || NO_MESSAGES;
  });
}

/** The sum of unread messages over all conversations. */
export function useUnreadTotal(): ComputedRef<number> {
  const state = useChatState();
  return computed(() => state.value.conversations.unreadTotal);
}
