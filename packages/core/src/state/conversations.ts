import type { Conversation, GroupSummary, Message } from '@confab/protocol';
import type { ConversationsState } from '../types.js';
import type { ChatAction } from './actions.js';
import { applyChange } from './changes.js';
import { applyMessageToList, applyMessagesToList, compareActivity, indexOfRow, placeRow, replaceRow, unreadCount } from './home.js';
import { mentionSeqsAfter, mergeMentionSeqs, sameSeqs, withoutUnmentioned } from './mentions.js';
import { sameSettings, unreadTotalShare } from './settings.js';

export const initialConversationsState: ConversationsState = { list: [], unreadTotal: 0, loaded: false };

/**
 * Merges what the server says of a conversation with what we know: cursors and the last message
 * only move forward, so a snapshot fetched before a live event cannot undo it. Unread is derived.
 */
export function mergeConversation(known: Conversation | undefined, incoming: Conversation): Conversation {
  const base = known ?? incoming;
  const lastMessage =
    (incoming.lastMessage?.seq ?? 0) >= (base.lastMessage?.seq ?? 0) ? incoming.lastMessage : base.lastMessage;
  const lastSeq = Math.max(base.lastSeq, incoming.lastSeq);
  const readSeq = Math.max(base.readSeq, incoming.readSeq);
  const mentionSeqs = mergeMentionSeqs(known?.mentionSeqs, incoming, readSeq);
  const merged = { ...incoming, lastMessage, lastSeq, readSeq, activeAt: Math.max(base.activeAt, incoming.activeAt), unread: unreadCount(lastSeq, readSeq), mentionSeqs };
  const changeSeq = Math.max(base.changeSeq ?? 0, incoming.changeSeq ?? 0);
  if (changeSeq > 0) merged.changeSeq = changeSeq;
  if (merged.kind === 'direct' && base.kind === 'direct') merged.peerReadSeq = Math.max(base.peerReadSeq, merged.peerReadSeq);
  return merged;
}

/** A conversation's peer cursor: the peer's of a direct one; groups count receipts in `reads`. */
export function peerReadSeqOf(conversation: Conversation): number | undefined {
  return conversation.kind === 'direct' ? conversation.peerReadSeq : undefined;
}

function withList(state: ConversationsState, list: readonly Conversation[], loaded = state.loaded): ConversationsState {
  if (list === state.list && loaded === state.loaded) return state;
  return { list, loaded, unreadTotal: list.reduce((total, conversation) => total + unreadTotalShare(conversation), 0) };
}

function sameCursors(a: Conversation, b: Conversation): boolean {
  return (
    a.lastSeq === b.lastSeq &&
    a.readSeq === b.readSeq &&
    peerReadSeqOf(a) === peerReadSeqOf(b) &&
    a.activeAt === b.activeAt &&
    a.lastMessage === b.lastMessage &&
    a.changeSeq === b.changeSeq &&
    sameSeqs(a.mentionSeqs, b.mentionSeqs)
  );
}

/** Whether two snapshots show the same peer or the same group. */
function samePeople(a: Conversation, b: Conversation): boolean {
  return a.kind === 'direct' && b.kind === 'direct' ? a.peer === b.peer : a.kind === 'group' && b.kind === 'group' && a.group === b.group;
}

/** Replaces the summary of a group in the list; unknown groups change nothing. */
function updateGroup(state: ConversationsState, groupId: string, change: (group: GroupSummary) => GroupSummary): ConversationsState {
  const index = indexOfRow(state.list, groupId);
  const conversation = state.list[index];
  if (!conversation || conversation.kind !== 'group') return state;
  return withList(state, replaceRow(state.list, index, { ...conversation, group: change(conversation.group) }));
}

/** Moves a read cursor forward (ours, or the peer's receipt); an older or repeated read changes nothing. */
function applyRead(state: ConversationsState, conversationId: string, userId: string, readSeq: number, meId: string | undefined): ConversationsState {
  const index = indexOfRow(state.list, conversationId);
  const conversation = state.list[index];
  if (!conversation) return state;
  let next: Conversation;
  if (userId === meId) {
    if (readSeq <= conversation.readSeq) return state;
    next = { ...conversation, readSeq, unread: unreadCount(conversation.lastSeq, readSeq), mentionSeqs: mentionSeqsAfter(conversation.mentionSeqs, null, meId, readSeq) };
  } else {
    if (conversation.kind !== 'direct' || readSeq <= conversation.peerReadSeq) return state;
    next = { ...conversation, peerReadSeq: readSeq };
  }
  return withList(state, replaceRow(state.list, index, next));
}

/** A recall, edit or hide: the row's last message when it is one of them, its change cursor, and its mentions without the recalled or hidden. */
function applyChanges(state: ConversationsState, { conversationId, messages, changeSeq = 0 }: { conversationId: string; messages: readonly Message[]; changeSeq?: number | undefined }): ConversationsState {
  const index = indexOfRow(state.list, conversationId);
  const known = state.list[index];
  const last = known?.lastMessage;
  const changed = last && messages.find((message) => message.id === last.id);
  const mentionSeqs = withoutUnmentioned(known?.mentionSeqs, messages);
  if (!known || (!changed && changeSeq <= (known.changeSeq ?? 0) && mentionSeqs === known.mentionSeqs)) return state;
  return withList(state, replaceRow(state.list, index, { ...known, lastMessage: changed ? applyChange(last, changed) : last ?? null, changeSeq: Math.max(known.changeSeq ?? 0, changeSeq), mentionSeqs }));
}

/** The conversation list: sorted by activity, unread derived from cursors, `unreadTotal` summed. */
export function conversationsReducer(state: ConversationsState, action: ChatAction, meId: string | undefined): ConversationsState {
  switch (action.type) {
    case 'conversations/loaded': {
      const known = new Map(state.list.map((conversation) => [conversation.id, conversation]));
      const list = action.conversations.map((conversation) => mergeConversation(known.get(conversation.id), conversation));
      return withList(state, list.sort(compareActivity), true);
    }
    case 'conversation/upserted': {
      const index = indexOfRow(state.list, action.conversation.id);
      const known = state.list[index];
      const next = mergeConversation(known, action.conversation);
      if (known && sameCursors(known, next) && samePeople(known, next) && sameSettings(known, next)) return state;
      return withList(state, placeRow(state.list, index, next));
    }
    case 'message/received':
      return withList(state, applyMessageToList(state.list, action.message, meId));
    case 'messages/received':
      return withList(state, applyMessagesToList(state.list, action.messages, meId));
    case 'message/updated':
      // The list shows the reply's final text once it ends.
      return applyChanges(state, { conversationId: action.message.conversationId, messages: [action.message] });
    case 'messages/changed':
      return applyChanges(state, action);
    case 'conversation/settings': {
      const index = indexOfRow(state.list, action.conversationId);
      const known = state.list[index];
      if (!known) return state;
      const { hiddenSeq, ...flags } = action.settings;
      const next = { ...known, ...flags, hiddenSeq };
      return sameSettings(known, next) ? state : withList(state, placeRow(state.list, index, next));
    }
    case 'read/applied':
      return applyRead(state, action.conversationId, action.userId, action.readSeq, meId);
    case 'friend/removed': {
      // The server lists a direct conversation only while the two are friends.
      const list = state.list.filter((conversation) => !(conversation.kind === 'direct' && conversation.peer.id === action.userId));
      return list.length === state.list.length ? state : withList(state, list);
    }
    case 'conversation/removed': {
      const list = state.list.filter((conversation) => conversation.id !== action.conversationId);
      return list.length === state.list.length ? state : withList(state, list);
    }
    case 'group/updated':
      return updateGroup(state, action.group.id, (group) => ({ ...group, ...action.group }));
    case 'group/member': {
      const { groupId, userId, role, memberCount } = action.event;
      return updateGroup(state, groupId, (group) => ({ ...group, memberCount, ...(userId === meId && role ? { myRole: role } : {}) }));
    }
    case 'session/reset':
      return initialConversationsState;
    default:
      return state;
  }
}
