import { conversationSettingsOf, type Conversation } from '@confab/protocol';

/** Whether the user hid the conversation and no message came since: it stays out of the list. */
export function isHiddenFromList(conversation: Pick<Conversation, 'lastSeq' | 'hiddenSeq'>): boolean {
  return conversation.hiddenSeq != null && conversation.lastSeq <= conversation.hiddenSeq;
}

/**
 * What a conversation adds to the unread total: nothing when muted (it shows a dot instead), its
 * unread count, or 1 when it is marked unread with nothing unread.
 */
export function unreadTotalShare(conversation: Pick<Conversation, 'unread' | 'muted' | 'markedUnread'>): number {
  if (conversation.muted) return 0;
  return conversation.unread > 0 ? conversation.unread : conversation.markedUnread ? 1 : 0;
}

/** Whether two snapshots of a conversation carry the same settings. */
export function sameSettings(a: Conversation, b: Conversation): boolean {
  const x = conversationSettingsOf(a);
  const y = conversationSettingsOf(b);
  return x.pinned === y.pinned && x.muted === y.muted && x.markedUnread === y.markedUnread && x.hiddenSeq === y.hiddenSeq;
}
