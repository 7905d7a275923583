import { LIMITS, isBlankText, type Conversation, type HistoryResponse, type Message, type ReadResponse, type ServerToClientEvents } from '@confab/protocol';
import { ApiError } from '../errors.js';
import { newId } from '../ids.js';
import type { HistoryInput, ReadInput, SendMessageInput } from '../schemas.js';
import { isConversationMissing, type ConversationRecord } from '../storage/store.js';
import type { ServiceContext } from './context.js';
import type { FileService } from './files.js';

export interface MessagingHooks {
  /** Runs after a new message was stored and pushed (the assistant answers here). */
  onMessageCreated?(conversation: ConversationRecord, message: Message): Promise<void>;
}

export interface MessagingOptions extends MessagingHooks {
  /** Resolves file references of image and file messages; without it those are UNAVAILABLE. */
  files?: FileService;
}

export function createMessagingService(context: ServiceContext, options: MessagingOptions = {}) {
  const { files } = options;
  const hooks: MessagingHooks = options;
  const { store, notifier } = context;

  /** The stored content: the text, or the reference of a file the sender uploaded. */
  async function contentOf(senderId: string, input: SendMessageInput): Promise<Message['content']> {
    if (input.type === 'text') {
      const text = 'text' in input.content ? input.content.text : '';
      if (isBlankText(text)) {
        throw new ApiError('VALIDATION', 'The message text is blank', { fields: [{ field: 'content.text', problem: 'has no visible characters' }] });
      }
      return { text };
    }
    if (!('fileId' in input.content)) throw new ApiError('VALIDATION', `A ${input.type} message needs content.fileId`, { fields: [{ field: 'content.fileId', problem: 'is missing' }] });
    if (!files) throw new ApiError('UNAVAILABLE', 'Files are not enabled on this server');
    return { file: await files.refForMessage(senderId, input.content.fileId, input.type) };
  }

  /** Pushes to every member: a group's room, or each member's sockets of a direct conversation. */
  function toMembers<E extends 'message:new' | 'conversation:read'>(conversation: ConversationRecord, event: E, payload: Parameters<ServerToClientEvents[E]>[0]): void {
    const args = [payload] as Parameters<ServerToClientEvents[E]>;
    if (conversation.kind === 'group') notifier.toGroup(conversation.id, event, ...args);
    else for (const memberId of conversation.memberIds) notifier.toUser(memberId, event, ...args);
  }

  /** The caller's view of a conversation of either kind, or NOT_FOUND. */
  async function viewOf(userId: string, conversation: ConversationRecord): Promise<Conversation> {
    const view =
      conversation.kind === 'group'
        ? await store.groups.getConversationView(userId, conversation.id)
        : await store.getConversationView(userId, conversation.id);
    if (!view) throw new ApiError('NOT_FOUND', 'No such conversation');
    return view;
  }

  /** The conversation, if it exists (else NOT_FOUND) and the caller is a member (else FORBIDDEN). */
  async function memberOf(userId: string, conversationId: string): Promise<ConversationRecord> {
    const conversation = await store.getConversation(conversationId);
    if (!conversation) throw new ApiError('NOT_FOUND', 'No such conversation');
    if (!conversation.memberIds.includes(userId)) throw new ApiError('FORBIDDEN', 'You are not a member of this conversation');
    return conversation;
  }

  /** The DM policy, decided here only: friends may always message each other; anyone may under `anyone`. */
  async function mayMessage(userId: string, peerId: string): Promise<boolean> {
    return context.dmPolicy === 'anyone' || (await store.getFriendship(userId, peerId)) !== null;
  }

  /** The direct conversation of the caller with `peerId` (the friends' one, or one opened under the policy). */
  async function directWith(userId: string, peerId: string): Promise<ConversationRecord> {
    if (peerId === userId) throw new ApiError('VALIDATION', 'You cannot message yourself', { field: 'userId' });
    const friendship = await store.getFriendship(userId, peerId);
    if (friendship) return memberOf(userId, friendship.conversationId);
    if (!(await mayMessage(userId, peerId))) throw new ApiError('NOT_FRIENDS', 'You can only message your friends');
    if (!(await store.getUser(peerId))) throw new ApiError('NOT_FOUND', 'No such user', { field: 'userId' });
    return memberOf(userId, await store.openDirectConversation(userId, peerId, context.now(), newId('c')));
  }

  /** Where a send goes: the given conversation, or the direct conversation with `to`. */
  async function sendTarget(senderId: string, input: SendMessageInput): Promise<ConversationRecord> {
    if ((input.conversationId === undefined) === (input.to === undefined)) {
      throw new ApiError('VALIDATION', 'Give exactly one of conversationId or to', { fields: [{ field: 'conversationId' }, { field: 'to' }] });
    }
    if (input.to !== undefined) return directWith(senderId, input.to);
    const conversation = await memberOf(senderId, input.conversationId as string);
    const peerId = conversation.memberIds.find((id) => id !== senderId);
    if (conversation.kind === 'direct' && (peerId === undefined || !(await mayMessage(senderId, peerId)))) {
      throw new ApiError('NOT_FRIENDS', 'You can only message your friends');
    }
    return conversation;
  }

  return {
    /**
     * Stores a message with the next seq and pushes `message:new` to every socket of every member.
     * Resending a `clientMsgId` returns the original message and pushes nothing.
     */
    async sendMessage(senderId: string, input: SendMessageInput): Promise<Message> {
      const content = await contentOf(senderId, input);
      const conversation = await sendTarget(senderId, input);
      const result = await store
        .appendMessage({ id: newId('m'), conversationId: conversation.id, senderId, clientMsgId: input.clientMsgId, type: input.type, content, createdAt: context.now() })
        .catch((error: unknown) => {
          // Removed since it was checked (a group dissolved meanwhile, perhaps on another node).
          if (isConversationMissing(error)) throw new ApiError('NOT_FOUND', 'No such conversation');
          throw error;
        });
      if (result.outcome === 'conflict') {
        throw new ApiError('CONFLICT', 'This clientMsgId was already used for another conversation', { field: 'clientMsgId' });
      }
      if (result.outcome === 'created') {
        toMembers(conversation, 'message:new', result.message);
        void hooks.onMessageCreated?.(conversation, result.message);
      }
      return result.message;
    },

    /**
     * Moves the caller's read cursor forward (never back, never past lastSeq); when it moved, pushes
     * `conversation:read` to every member (the reader's other sockets, and the peer as a receipt).
     */
    async markRead(userId: string, input: ReadInput): Promise<ReadResponse> {
      const conversation = await memberOf(userId, input.conversationId);
      const cursor = await store.advanceReadCursor(conversation.id, userId, input.seq);
      if (!cursor) throw new ApiError('FORBIDDEN', 'You are not a member of this conversation');
      if (cursor.moved) {
        const event = { conversationId: conversation.id, userId, readSeq: cursor.readSeq };
        toMembers(conversation, 'conversation:read', event);
      }
      return { conversationId: conversation.id, readSeq: cursor.readSeq, unread: Math.max(0, cursor.lastSeq - cursor.readSeq) };
    },

    async history(userId: string, conversationId: string, query: HistoryInput): Promise<HistoryResponse> {
      if (query.before !== undefined && query.after !== undefined) {
        throw new ApiError('VALIDATION', 'Give at most one of before and after', { fields: [{ field: 'before' }, { field: 'after' }] });
      }
      await memberOf(userId, conversationId);
      const limit = query.limit ?? LIMITS.historyPageDefault;
      return store.listMessages(conversationId, { before: query.before, after: query.after, limit });
    },

    /**
     * The user's groups, and direct conversations (under the `anyone` policy every one, else those
     * with current friends), newest activity first.
     */
    async listConversations(userId: string): Promise<Conversation[]> {
      const [direct, groups] = await Promise.all([
        context.dmPolicy === 'anyone' ? store.listMemberConversationViews(userId) : store.listConversationViews(userId),
        store.groups.listConversationViews(userId),
      ]);
      return [...direct, ...groups].sort((a, b) => b.activeAt - a.activeAt || (a.id < b.id ? -1 : 1));
    },

    /** Opens (or returns) the caller's direct conversation with `peerId`; NOT_FRIENDS under the friends policy. */
    async openDirect(userId: string, peerId: string): Promise<Conversation> {
      return viewOf(userId, await directWith(userId, peerId));
    },

    async getConversation(userId: string, conversationId: string): Promise<Conversation> {
      return viewOf(userId, await memberOf(userId, conversationId));
    },
  };
}

export type MessagingService = ReturnType<typeof createMessagingService>;
