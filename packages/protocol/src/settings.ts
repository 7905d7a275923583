import type { Conversation } from './entities.js';

/** One user's settings of one conversation, the same on all of that user's devices. */
export interface ConversationSettings {
  /** Pinned conversations come first in the list (among them, by activity). */
  pinned: boolean;
  /** No notifications; its unread count is left out of the total and shown as a dot. */
  muted: boolean;
  /** Shown unread although every message is read; reading the conversation clears it. */
  markedUnread: boolean;
  /** Hidden from the list while its `lastSeq` is at or below this seq (the next message shows it again); null: not hidden. */
  hiddenSeq: number | null;
}

/** `conversation:settings`: changes the caller's settings of a conversation they belong to; at least one field. */
export interface ConversationSettingsPayload {
  conversationId: string;
  pinned?: boolean;
  muted?: boolean;
  markedUnread?: boolean;
  /** true hides the conversation until its next message; false shows it again. */
  hidden?: boolean;
}

/** A user's settings of a conversation changed (sent to all of that user's sockets). */
export interface ConversationSettingsEvent {
  conversationId: string;
  settings: ConversationSettings;
}

/** The settings of a conversation nobody changed. */
export const DEFAULT_CONVERSATION_SETTINGS: Readonly<ConversationSettings> = Object.freeze({ pinned: false, muted: false, markedUnread: false, hiddenSeq: null });

/** The settings a conversation carries (absent fields are the defaults). */
export function conversationSettingsOf(conversation: Pick<Conversation, 'pinned' | 'muted' | 'markedUnread' | 'hiddenSeq'>): ConversationSettings {
  return { pinned: conversation.pinned, muted: conversation.muted, markedUnread: conversation.markedUnread ?? false, hiddenSeq: conversation.hiddenSeq ?? null };
}
