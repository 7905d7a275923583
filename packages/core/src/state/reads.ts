import type { ChatState } from '../types.js';
import type { ChatAction } from './actions.js';

type ReadsState = ChatState['reads'];

/**
 * Every member's read cursor per conversation, once loaded (`loadReads`); live `conversation:read`
 * events move them forward only. How many read a message: cursors at or above its seq.
 */
export function readsReducer(state: ReadsState, action: ChatAction): ReadsState {
  switch (action.type) {
    case 'reads/loaded':
      return { ...state, [action.conversationId]: Object.fromEntries(action.reads.map((read) => [read.userId, read.readSeq])) };
    case 'read/applied': {
      const cursors = state[action.conversationId];
      if (!cursors || (cursors[action.userId] ?? 0) >= action.readSeq) return state;
      return { ...state, [action.conversationId]: { ...cursors, [action.userId]: action.readSeq } };
    }
    case 'conversation/removed': {
      if (!(action.conversationId in state)) return state;
      const { [action.conversationId]: _gone, ...rest } = state;
      return rest;
    }
    case 'session/reset':
      return {};
    default:
      return state;
  }
}

/** How many members have read up to `seq` in a conversation whose reads are loaded (else null). */
export function readCount(state: ChatState, conversationId: string, seq: number): number | null {
  const cursors = state.reads[conversationId];
  return cursors ? Object.values(cursors).filter((readSeq) => readSeq >= seq).length : null;
}
