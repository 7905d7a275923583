import type {
  AuthResponse,
  Conversation,
  ConversationResponse,
  ConversationsResponse,
  FriendAddedEvent,
  FriendsResponse,
  MeResponse,
  Message,
  Request,
  RequestsResponse,
  User,
} from '@confab/protocol';
import { io as defaultIo } from 'socket.io-client';
import { openConnection } from './connection.js';
import type { Connection } from './connection.js';
import type { ClientContext } from './context.js';
import { path, toConfabError } from './context.js';
import { createEmitter } from './emitter.js';
import { createFileOperations } from './files.js';
import { ConfabError, isConfabError } from './errors.js';
import { createHttp } from './http.js';
import { defaultCreateId, defaultFetch, keepSession, readSessionToken, SESSION_KEY } from './session.js';
import { createOutbox } from './outbox.js';
import { keyValueOutbox, memoryOutbox } from './outbox-store.js';
import { createSearchOperations } from './search.js';
import { createSocialOperations } from './social.js';
import { applyGroupMember, createGroupOperations } from './groups.js';
import { LIMITS } from '@confab/protocol';
import type { ChatAction } from './state/actions.js';
import { chatReducer, initialChatState } from './state/chat.js';
import { createSync, hasGap } from './sync.js';
import { createReplyOperations } from './replies.js';
import { createChangeOperations } from './changes.js';
import { createSettingsOperations } from './settings.js';
import { createTypingOperations } from './typing.js';
import { createPresenceOperations } from './presence.js';
import { createTimelineOperations } from './timeline.js';
import type { ChatClient, ChatClientEvents, ChatClientOptions, ChatState } from './types.js';

/** How long a send may go without an ack before it shows as failed. */
const DEFAULT_SEND_FAIL_AFTER_MS = 30_000;

/**
 * Creates the headless chat client. Platform pieces (fetch, socket.io's `io`, clock, ids, storage)
 * are injected, so the client runs in browsers, Node and tests alike.
 *
 * @example
 * const client = createChatClient({ url: 'http://127.0.0.1:3000', storage: window.localStorage });
 * client.on('state', (state) => render(state));
 * const me = (await client.resume()) ?? (await client.login('ada', 'correct horse'));
 */
export function createChatClient(options: ChatClientOptions = {}): ChatClient {
  const url = options.url ?? '';
  const now = options.now ?? (() => Date.now());
  const { storage } = options;
  const emitter = createEmitter<ChatClientEvents>();
  const http = createHttp({ url, fetch: options.fetch ?? defaultFetch(), getToken: () => token });

  let state: ChatState = initialChatState();
  let token: string | null = null;
  let connection: Connection | null = null;
  /** Bumped when a session ends, so that late answers of the old one are dropped. */
  let generation = 0;
  /** Stored messages of conversations not in the list yet, applied once the conversation is fetched. */
  const waiting = new Map<string, Message[]>();

  function dispatch(action: ChatAction): void {
    const previous = state;
    state = chatReducer(state, action);
    if (state === previous) return;
    emitter.emit('state', state);
    if (state.connection !== previous.connection) emitter.emit('connection', state.connection);
  }

  const findConversation = (id: string): Conversation | undefined => state.conversations.list.find((c) => c.id === id);
  const emitError = (error: ConfabError) => emitter.emit('error', error);

  const context: ClientContext = {
    http,
    getState: () => state,
    dispatch,
    emitError,
    connection: () => connection,
    session: () => generation,
    async inSession(work, apply) {
      const started = generation;
      const result = await work();
      if (started === generation) apply(result);
      return result;
    },
    receive,
    applyFriendship,
    requireMe() {
      if (!state.me) throw new ConfabError('UNAUTHORIZED', 'Not logged in.');
      return state.me;
    },
  };
  const outbox = createOutbox(context, {
    store: options.outbox ?? (storage ? keyValueOutbox(storage) : memoryOutbox()),
    now,
    failAfterMs: options.sendFailAfterMs ?? DEFAULT_SEND_FAIL_AFTER_MS,
  });
  const createId = options.createId ?? defaultCreateId(now);
  const timeline = createTimelineOperations(context, { now, createId }, outbox);
  const sync = createSync(context, timeline.isLoaded, (list) => presence.onList(list));
  const catchUp = () => sync.request().catch((error: unknown) => emitError(toConfabError(error)));
  const files = createFileOperations(context, {
    url,
    now,
    createId,
    getToken: () => token,
    createXhr: options.xhr,
    maxFileBytes: options.maxFileBytes ?? LIMITS.fileMaxBytes,
    // An uploaded file's message goes through the outbox like any send: acked once, retried with its clientMsgId.
    deliver: (message) => outbox.send(message),
  });
  const replies = createReplyOperations(context);
  const changes = createChangeOperations(context, () => void catchUp());
  const settings = createSettingsOperations(context);
  const typing = createTypingOperations(context, now);
  const presence = createPresenceOperations(context);

  function flushWaiting(): void {
    for (const [conversationId, messages] of waiting) {
      if (!findConversation(conversationId)) continue;
      waiting.delete(conversationId);
      dispatch({ type: 'messages/received', conversationId, messages });
    }
  }

  async function fetchConversation(conversationId: string): Promise<void> {
    try {
      await context.inSession(
        () => http.get<ConversationResponse>(path`/conversations/${conversationId}`),
        ({ conversation }) => dispatch({ type: 'conversation/upserted', conversation }),
      );
    } catch (error) {
      waiting.delete(conversationId);
      emitError(toConfabError(error));
    }
    flushWaiting();
  }

  /** A stored message (live or our ack): timeline and conversation row, or kept until its conversation is fetched. */
  function receive(message: Message): boolean {
    const known = findConversation(message.conversationId) !== undefined;
    const previous = state;
    dispatch({ type: 'message/received', message });
    if (message.senderId === state.me?.id) typing.onOwnMessage(message.conversationId);
    if (known) return state !== previous;
    const queue = waiting.get(message.conversationId);
    if (queue) queue.push(message);
    else {
      waiting.set(message.conversationId, [message]);
      // Before the first list load, the load itself brings the conversation.
      if (state.conversations.loaded) void fetchConversation(message.conversationId);
    }
    return true;
  }

  function applyFriendship({ friend, conversation }: FriendAddedEvent): void {
    dispatch({ type: 'friend/added', friend });
    dispatch({ type: 'conversation/upserted', conversation });
    flushWaiting();
  }

  async function refresh(): Promise<void> {
    await context.inSession(
      () =>
        Promise.all([
          http.get<ConversationsResponse>('/conversations'),
          http.get<FriendsResponse>('/friends'),
          http.get<RequestsResponse>('/requests'),
        ]),
      ([{ conversations }, { friends }, { requests }]) => {
        dispatch({ type: 'conversations/loaded', conversations });
        dispatch({ type: 'friends/loaded', friends });
        dispatch({ type: 'requests/loaded', requests });
        flushWaiting();
        for (const conversationId of waiting.keys()) void fetchConversation(conversationId);
      },
    );
  }

  function announceRequest(request: Request): void {
    dispatch({ type: 'request/upserted', request });
    emitter.emit('request', request);
  }

  function connect(): void {
    let away = false;
    connection = openConnection({
      url,
      io: options.io ?? defaultIo,
      getToken: () => token,
      async renewToken() {
        const fresh = (await options.getToken?.()) ?? null;
        if (fresh) token = fresh;
        return fresh;
      },
      ackTimeoutMs: options.ackTimeoutMs,
      onState(connectionState) {
        if (connectionState === 'connected') {
          // Every (re)connect: sync from our cursors, then the AI replies still generating;
          // after a loss, fresh friends and requests too.
          if (away) refresh().catch((error: unknown) => emitError(toConfabError(error)));
          void catchUp().then(() => replies.refreshGenerating().catch((error: unknown) => emitError(toConfabError(error))));
        }
        away = connectionState === 'reconnecting' || (away && connectionState !== 'connected');
        dispatch({ type: 'connection/changed', connection: connectionState });
        if (connectionState === 'connected') outbox.online();
        else outbox.offline();
      },
      onError: emitError,
      handlers: {
        'message:new': (message) => {
          if (receive(message) && message.senderId !== state.me?.id) emitter.emit('message', message);
          // A live message past a gap (one was missed): fetch the gap.
          if (timeline.isLoaded(message.conversationId) && hasGap(state.messages[message.conversationId])) void catchUp();
        },
        'message:updated': (message) => dispatch({ type: 'message/updated', message }),
        'message:delta': replies.onDelta,
        'message:changed': changes.onChanged,
        'conversation:settings': settings.onSettings,
        typing: typing.onTyping,
        presence: presence.onPresence,
        'presence:settings': presence.onList,
        'conversation:read': ({ conversationId, userId, readSeq }) => dispatch({ type: 'read/applied', conversationId, userId, readSeq }),
        'request:new': announceRequest,
        'request:updated': announceRequest,
        'friend:added': applyFriendship,
        'friend:removed': ({ userId }) => dispatch({ type: 'friend/removed', userId }),
        'group:updated': ({ group }) => dispatch({ type: 'group/updated', group }),
        'group:member': (event) => {
          applyGroupMember({ dispatch, getState: () => state }, event);
          flushWaiting();
        },
      },
    });
  }

  async function begin(user: User, sessionToken: string): Promise<User> {
    token = sessionToken;
    dispatch({ type: 'session/started', me: user });
    await outbox.restore(user.id);
    connect();
    await refresh();
    return user;
  }

  function end(clearOutbox = false): void {
    generation++;
    outbox.reset(clearOutbox);
    connection?.close();
    connection = null;
    token = null;
    waiting.clear();
    timeline.reset();
    typing.reset();
    files.reset();
    dispatch({ type: 'session/reset' });
  }

  async function authenticate(route: '/auth/login' | '/auth/register', body: object): Promise<User> {
    const auth = await http.post<AuthResponse>(route, body);
    if (state.me) end();
    keepSession(storage, auth);
    return begin(auth.user, auth.token);
  }

  /** The user of a token, or null when the server refuses it. */
  async function tryToken(candidate: string): Promise<User | null> {
    token = candidate;
    try {
      return (await http.get<MeResponse>('/me')).user;
    } catch (error) {
      token = null;
      if (isConfabError(error) && error.code === 'UNAUTHORIZED') return null;
      throw error;
    }
  }

  return {
    getState: () => state,
    on: (event, handler) => emitter.on(event, handler),

    register: (input) => authenticate('/auth/register', input),
    login: (username, password) => authenticate('/auth/login', { username, password }),

    async resume() {
      const stored = readSessionToken(storage);
      if (stored) {
        const user = await tryToken(stored);
        if (user) return begin(user, stored);
        storage?.removeItem(SESSION_KEY);
      }
      const provided = (await options.getToken?.()) ?? null;
      const user = provided ? await tryToken(provided) : null;
      return user && provided ? begin(user, provided) : null;
    },

    logout() {
      end(true);
      storage?.removeItem(SESSION_KEY);
    },

    openConversation: timeline.openConversation,
    loadOlder: timeline.loadOlder,
    sendText: timeline.sendText,
    async jumpTo(conversationId, seq) {
      // The page around it, then sync fills the gap up to the loaded messages (a timeline never keeps one).
      if (await timeline.loadAround(conversationId, seq)) await sync.request();
    },
    retry: (conversationId, clientMsgId) => files.retry(conversationId, clientMsgId) ?? timeline.retry(conversationId, clientMsgId),
    sendFile: files.sendFile,
    cancelUpload: files.cancelUpload,
    fileUrl: files.fileUrl,
    markRead: timeline.markRead,
    stopReply: replies.stopReply,
    retryReply: replies.retryReply,
    recall: changes.recall,
    edit: changes.edit,
    deleteForMe: changes.deleteForMe,
    react: changes.react,
    ...createSearchOperations(context),
    setConversationSettings: settings.setConversationSettings,
    notifyTyping: typing.notifyTyping,
    setShowPresence: presence.setShowPresence,
    ...createSocialOperations(context),
    ...createGroupOperations(context),
    refresh,
  };
}
