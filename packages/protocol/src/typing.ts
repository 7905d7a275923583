/** `typing`: the caller is typing in a conversation of theirs (sent at most every `LIMITS.typingThrottleMs`). */
export interface TypingPayload {
  conversationId: string;
}

/**
 * Someone is typing: shown for `LIMITS.typingExpiresMs` unless another comes, and cleared by their
 * next message. Sent to every member's sockets (a group's room), the typist's own included.
 */
export interface TypingEvent {
  conversationId: string;
  userId: string;
}
