import type { ChatState } from '../types.js';
import type { ChatAction } from './actions.js';

/** Who is typing where: conversation id -> user id -> when it stops showing (ms). */
export type TypingState = ChatState['typing'];

function without(state: TypingState, conversationId: string, keep: (userId: string, expiresAt: number) => boolean): TypingState {
  const users = state[conversationId];
  if (!users) return state;
  const kept = Object.entries(users).filter(([userId, expiresAt]) => keep(userId, expiresAt));
  if (kept.length === Object.keys(users).length) return state;
  const next = { ...state };
  if (kept.length === 0) delete next[conversationId];
  else next[conversationId] = Object.fromEntries(kept);
  return next;
}

/** Typing indicators: set by `typing`, gone when they expire or the typist's message arrives. */
export function typingReducer(state: TypingState, action: ChatAction): TypingState {
  switch (action.type) {
    case 'typing/started': {
      const { conversationId, userId, expiresAt } = action;
      return { ...state, [conversationId]: { ...state[conversationId], [userId]: expiresAt } };
    }
    case 'typing/expired': {
      let next = state;
      for (const conversationId of Object.keys(state)) next = without(next, conversationId, (_userId, expiresAt) => expiresAt > action.now);
      return next;
    }
    case 'message/received':
      return without(state, action.message.conversationId, (userId) => userId !== action.message.senderId);
    case 'session/reset':
      return {};
    default:
      return state;
  }
}

/** The people typing in a conversation now (in the order they started). */
export function typingUserIds(state: Pick<ChatState, 'typing'>, conversationId: string): string[] {
  return Object.keys(state.typing[conversationId] ?? {});
}
