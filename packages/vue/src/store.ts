import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { Message, User } from '@confab/protocol';
import { useChatClient } from './plugin.js';
import { errorMessage } from './utils/errors.js';

/** A reply being written: the quoted message and its sender's name. */
export interface ReplyDraft {
  message: Message;
  senderName: string;
}

/** The sidebar tab shown. */
export type ConfabTab = 'chats' | 'contacts' | 'groups' | 'requests' | 'search';

/** A message to show in context once its conversation's list is open (a search result chosen). */
export interface JumpTarget {
  conversationId: string;
  seq: number;
}

/**
 * UI state of the chat (what is selected and shown) and actions that call the client.
 * Domain state (unread, ordering, dedup) lives in the core, never here.
 */
export const useConfabStore = defineStore('confab', () => {
  const client = useChatClient();

  /** The conversation shown in the main pane, or null. */
  const selectedConversationId = ref<string | null>(null);
  const tab = ref<ConfabTab>('chats');
  const searchQuery = ref('');
  const searchResults = shallowRef<readonly User[]>([]);
  const searchPending = ref(false);
  const searchError = ref<string | null>(null);
  let searchRun = 0;
  /** The message each conversation's composer replies to (with its sender's name), by conversation id. */
  const replyDrafts = shallowRef<Readonly<Record<string, ReplyDraft>>>({});

  /** Sets (or with null clears) the message the composer of a conversation replies to. */
  function replyTo(conversationId: string, draft: ReplyDraft | null): void {
    const { [conversationId]: _dropped, ...rest } = replyDrafts.value;
    replyDrafts.value = draft ? { ...rest, [conversationId]: draft } : rest;
  }

  /** The message the list of its conversation scrolls to (loading it when needed) and highlights, once. */
  const jumpTarget = shallowRef<JumpTarget | null>(null);

  /** Shows a conversation at one of its messages (a search result). */
  function openMessage(target: JumpTarget): void {
    jumpTarget.value = target;
    selectedConversationId.value = target.conversationId;
  }

  /** The seq to jump to in this conversation, if one waits; it is handed out once. */
  function takeJump(conversationId: string): number | null {
    const target = jumpTarget.value;
    if (!target || target.conversationId !== conversationId) return null;
    jumpTarget.value = null;
    return target.seq;
  }

  /** Shows a conversation (the conversation pane loads it and marks it read). */
  function selectConversation(conversationId: string): void {
    selectedConversationId.value = conversationId;
  }

  function closeConversation(): void {
    selectedConversationId.value = null;
  }

  function setTab(next: ConfabTab): void {
    tab.value = next;
  }

  /** Searches users; an empty query clears the results. Only the latest search's answer is kept. */
  async function search(query: string): Promise<void> {
    const run = ++searchRun;
    searchQuery.value = query;
    searchError.value = null;
    const trimmed = query.trim();
    if (!trimmed) {
      searchResults.value = [];
      searchPending.value = false;
      return;
    }
    searchPending.value = true;
    try {
      const users = await client.searchUsers(trimmed);
      if (run === searchRun) searchResults.value = users;
    } catch (error) {
      if (run === searchRun) {
        searchResults.value = [];
        searchError.value = errorMessage(error);
      }
    } finally {
      if (run === searchRun) searchPending.value = false;
    }
  }

  /** Logs out and forgets the UI state. */
  function logout(): void {
    client.logout();
    reset();
  }

  function reset(): void {
    searchRun++;
    selectedConversationId.value = null;
    tab.value = 'chats';
    searchQuery.value = '';
    searchResults.value = [];
    searchPending.value = false;
    searchError.value = null;
    replyDrafts.value = {};
    jumpTarget.value = null;
  }

  return {
    selectedConversationId,
    tab,
    searchQuery,
    searchResults,
    searchPending,
    searchError,
    selectConversation,
    closeConversation,
    setTab,
    search,
    logout,
    reset,
    replyDrafts,
    replyTo,
    jumpTarget,
    openMessage,
    takeJump,
  };
});
