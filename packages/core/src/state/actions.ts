import type { Conversation, ConversationSettings, Presence, Friend, GroupMemberEvent, GroupUpdatedEvent, MemberRead, Message, MessageDeltaEvent, Request, User, WireError } from '@confab/protocol';
import type { ConnectionState } from '../types.js';

/** Every change to the client's state, as data. Reducers switch over `type`. */
export type ChatAction =
  | { type: 'session/started'; me: User }
  | { type: 'session/reset' }
  | { type: 'connection/changed'; connection: ConnectionState }
  /** A fresh conversation list from the server (replaces the list; cursors merge by max). */
  | { type: 'conversations/loaded'; conversations: readonly Conversation[] }
  | { type: 'conversation/upserted'; conversation: Conversation }
  /** Someone is typing, shown until `expiresAt` (ms) unless their message comes first. */
  | { type: 'typing/started'; conversationId: string; userId: string; expiresAt: number }
  /** Drops the typing indicators whose time is up at `now`. */
  | { type: 'typing/expired'; now: number }
  /** Every friend's presence as we may see it (all hidden while ours is), and whether we show ours. */
  | { type: 'presence/loaded'; presence: readonly Presence[]; showPresence: boolean }
  /** A friend came online, went offline, or hid or showed their presence. */
  | { type: 'presence/changed'; presence: Presence }
  /** Our settings of a conversation (pin, mute, mark unread, hide), from this device or another. */
  | { type: 'conversation/settings'; conversationId: string; settings: ConversationSettings }
  /** A stored message: live `message:new`, or the ack of our own send. */
  | { type: 'message/received'; message: Message }
  /** Stored messages of one conversation received together (held while it was fetched), applied in one pass. */
  | { type: 'messages/received'; conversationId: string; messages: readonly Message[] }
  /** A stored message changed (an AI reply ended or restarted); replaces the item with its id. */
  | { type: 'message/updated'; message: Message }
  /**
   * Stored messages changed (recalled, edited, hidden for us): each replaces the one with its id.
   * `changeSeq`, when given, is the change counter the timeline and the list row are now in step with.
   */
  | { type: 'messages/changed'; conversationId: string; messages: readonly Message[]; changeSeq?: number | undefined }
  /** A piece of a streaming AI reply; applied in index order, repeats ignored. */
  | { type: 'message/delta'; event: MessageDeltaEvent }
  /** A read cursor moved: ours (any device) or the peer's (a receipt). */
  | { type: 'read/applied'; conversationId: string; userId: string; readSeq: number }
  | { type: 'history/requested'; conversationId: string }
  /**
   * A page of stored messages; `hasOlder` undefined leaves the flag as it is (a catch-up page).
   * `changeSeq` (the counter when the page was read) becomes the timeline's change cursor when it has none.
   */
  | { type: 'history/loaded'; conversationId: string; messages: readonly Message[]; hasOlder?: boolean; changeSeq?: number | undefined }
  | { type: 'history/failed'; conversationId: string }
  /** Our send, not acknowledged yet (`seq` 0). Sending it again (retry) reuses its place. */
  | { type: 'send/started'; message: Message }
  | { type: 'send/failed'; conversationId: string; clientMsgId: string; error: WireError }
  /** Bytes of a pending file send uploaded so far. */
  | { type: 'upload/progress'; conversationId: string; clientMsgId: string; loaded: number; total: number }
  /** A pending send was cancelled: it leaves the timeline. */
  | { type: 'send/cancelled'; conversationId: string; clientMsgId: string }
  | { type: 'friends/loaded'; friends: readonly Friend[] }
  | { type: 'friend/added'; friend: Friend }
  | { type: 'friend/removed'; userId: string }
  | { type: 'requests/loaded'; requests: readonly Request[] }
  | { type: 'request/upserted'; request: Request }
  /** We are no longer in a conversation (left, removed, group dissolved): it leaves the list. */
  | { type: 'conversation/removed'; conversationId: string }
  /** A group's name, description, avatar or policy changed. */
  | { type: 'group/updated'; group: GroupUpdatedEvent['group'] }
  /** Someone else's membership changed: the member count, and our role when it is about us. */
  | { type: 'group/member'; event: GroupMemberEvent }
  /** Every member's read cursor of a conversation (for receipts as counts). */
  | { type: 'reads/loaded'; conversationId: string; reads: readonly MemberRead[] };
