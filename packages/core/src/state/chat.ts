import type { ChatState } from '../types.js';
import type { ChatAction } from './actions.js';
import { friendsReducer } from './contacts.js';
import { conversationsReducer, initialConversationsState } from './conversations.js';
import { messagesReducer } from './messages.js';
import { initialPresenceState, presenceReducer } from './presence.js';
import { readsReducer } from './reads.js';
import { requestsReducer } from './requests.js';
import { typingReducer } from './typing.js';

/** The state before login (and after logout). */
export function initialChatState(): ChatState {
  return { connection: 'idle', me: null, conversations: initialConversationsState, messages: {}, friends: [], requests: [], reads: {}, typing: {}, presence: initialPresenceState };
}

function sessionReducer(state: ChatState, action: ChatAction): Pick<ChatState, 'connection' | 'me'> {
  switch (action.type) {
    case 'session/started':
      return { connection: state.connection, me: action.me };
    case 'session/reset':
      return { connection: 'idle', me: null };
    case 'connection/changed':
      return { connection: action.connection, me: state.me };
    default:
      return state;
  }
}

/** The root reducer: one action in, the next snapshot out (the same object when nothing changed). */
export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  const meId = state.me?.id;
  const { connection, me } = sessionReducer(state, action);
  const conversations = conversationsReducer(state.conversations, action, meId);
  const messages = messagesReducer(state.messages, action);
  const friends = friendsReducer(state.friends, action);
  const requests = requestsReducer(state.requests, action);
  const reads = readsReducer(state.reads, action);
  const typing = typingReducer(state.typing, action);
  const presence = presenceReducer(state.presence, action);
  if (
    connection === state.connection &&
    me === state.me &&
    conversations === state.conversations &&
    messages === state.messages &&
    friends === state.friends &&
    requests === state.requests &&
    reads === state.reads &&
    typing === state.typing &&
    presence === state.presence
  ) {
    return state;
  }
  return { connection, me, conversations, messages, friends, requests, reads, typing, presence };
}
