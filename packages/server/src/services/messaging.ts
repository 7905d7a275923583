import { LIMITS, isBlankText, type Conversation, type HistoryResponse, type Message, type ReadResponse, type TextContent } from '@confab/protocol';
import { ApiError } from '../errors.js';
import { newId, newMessageStamp } from '../ids.js';
import type { HistoryInput, ReadInput, SendMessageInput } from '../schemas.js';
import { readSendContext } from '../storage/send-context.js';
import { isConversationMissing, type ConversationRecord } from '../storage/store.js';
import type { ServiceContext } from './context.js';
import type { FileService } from './files.js';
import { compareListOrder } from './conversation-settings.js';
import { viewConversations, viewMessages } from './hidden-view.js';
import { checkMember, pushToMembers, requireMember } from './members.js';
import { checkMentions } from './mentions.js';
import { replyRefFor } from './quotes.js';

export interface MessagingHooks {
  /** Runs after a new message was stored and pushed (the assistant answers here). */
  onMessageCreated?(conversation: ConversationRecord, message: Message): Promise<void>;
  /** Runs after the user read the conversation (a mark-unread is cleared here). */
  onRead?(userId: string, conversationId: string): Promise<void>;
}

export interface MessagingOptions extends MessagingHooks {
  /** Resolves file references of image and file messages; without it those are UNAVAILABLE. */
  files?: FileService;
}

export function createMessagingService(context: ServiceContext, options: MessagingOptions = {}) {
  const { files } = options;
  const hooks: MessagingHooks = options;
  const { store } = context;

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

  /** The caller's view of a conversation of either kind, or NOT_FOUND. */
  async function viewOf(userId: string, conversation: ConversationRecord): Promise<Conversation> {
    const view =
      conversation.kind === 'group'
        ? await store.groups.getConversationView(userId, conversation.id)
        : await store.getConversationView(userId, conversation.id);
    if (!view) throw new ApiError('NOT_FOUND', 'No such conversation');
    const [seen] = await viewConversations<Conversation>(store, userId, [view]);
    return seen as Conversation;
  }

  const memberOf = (userId: string, conversationId: string) => requireMember(context, userId, conversationId);

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

  /** Where a send goes, and the peer a block keeps it from (the message is then stored for the sender only). */
  interface SendTarget {
    conversation: ConversationRecord;
    hiddenFor?: string;
  }

  /** A direct send the sender's own block refuses; one the peer's block hides from the peer (the sender is not told). */
  function blockedTarget(conversation: ConversationRecord, senderId: string, blocks: { blocks: boolean; blockedBy: boolean }): SendTarget {
    if (blocks.blocks) throw new ApiError('FORBIDDEN', 'You blocked this user; unblock them to send messages', { reason: 'blocked' });
    const peerId = conversation.memberIds.find((id) => id !== senderId);
    return blocks.blockedBy && peerId !== undefined ? { conversation, hiddenFor: peerId } : { conversation };
  }

  /** Where a send goes: the given conversation, or the direct conversation with `to`. */
  async function sendTarget(senderId: string, input: SendMessageInput): Promise<SendTarget> {
    if ((input.conversationId === undefined) === (input.to === undefined)) {
      throw new ApiError('VALIDATION', 'Give exactly one of conversationId or to', { fields: [{ field: 'conversationId' }, { field: 'to' }] });
    }
    if (input.to !== undefined) {
      const conversation = await directWith(senderId, input.to);
      return blockedTarget(conversation, senderId, await store.blocks.between(senderId, input.to));
    }
    // One round trip for membership, kind, the DM policy's friendship and blocks: this runs on every send.
    const found = await readSendContext(store, senderId, input.conversationId as string);
    const conversation = checkMember(found?.conversation ?? null, () => found?.isMember === true);
    if (conversation.kind === 'group' || !found) return { conversation };
    const hasPeer = conversation.memberIds.some((id) => id !== senderId);
    if (!hasPeer || !(context.dmPolicy === 'anyone' || found.friendsWithPeer)) throw new ApiError('NOT_FRIENDS', 'You can only message your friends');
    return blockedTarget(conversation, senderId, { blocks: found.blocksPeer, blockedBy: found.blockedByPeer });
  }

  /** `around` itself with up to half the page older before it, the rest newer after it. */
  async function pageAround(conversationId: string, around: number, limit: number): Promise<HistoryResponse> {
    const olderCount = Math.max(1, Math.ceil(limit / 2));
    const [older, newer] = await Promise.all([
      store.listMessages(conversationId, { before: around + 1, limit: olderCount }),
      store.listMessages(conversationId, { after: around, limit: limit - olderCount }),
    ]);
    return { messages: [...older.messages, ...newer.messages], hasMore: older.hasMore, hasNewer: newer.hasMore };
  }

  return {
    /**
     * Stores a message with the next seq and pushes `message:new` to every socket of every member
     * but `originSocketId`, the sending socket, which gets the stored message in its ack.
     * Resending a `clientMsgId` returns the original message and pushes nothing.
     */
    async sendMessage(senderId: string, input: SendMessageInput, originSocketId?: string): Promise<Message> {
      let content = await contentOf(senderId, input);
      const { conversation, hiddenFor } = await sendTarget(senderId, input);
      if (input.replyTo !== undefined) {
        if (input.type !== 'text') throw new ApiError('VALIDATION', 'Only text messages can reply', { field: 'replyTo' });
        content = { ...(content as TextContent), replyTo: await replyRefFor(store, conversation.id, input.replyTo) };
      }
      if (input.mentions !== undefined) {
        if (input.type !== 'text') throw new ApiError('VALIDATION', 'Only text messages can mention', { field: 'mentions' });
        const mentions = await checkMentions(store, conversation, senderId, (content as TextContent).text, input.mentions);
        if (mentions) content = { ...(content as TextContent), mentions };
      }
      const result = await store
        .appendMessage({
          ...newMessageStamp(context.now()),
          conversationId: conversation.id,
          senderId,
          clientMsgId: input.clientMsgId,
          type: input.type,
          content,
          ...(hiddenFor === undefined ? {} : { hiddenFor }),
        })
        .catch((error: unknown) => {
          // Removed since it was checked (a group dissolved meanwhile, perhaps on another node).
          if (isConversationMissing(error)) throw new ApiError('NOT_FOUND', 'No such conversation');
          throw error;
        });
      if (result.outcome === 'conflict') {
        throw new ApiError('CONFLICT', 'This clientMsgId was already used for another conversation', { field: 'clientMsgId' });
      }
      if (result.outcome === 'created') {
        const notifier = originSocketId === undefined ? context.notifier : context.notifier.except(originSocketId);
        if (hiddenFor !== undefined) {
          // Kept from a peer who blocks the sender: only the sender's other devices hear of it, as of any message.
          notifier.toUser(senderId, 'message:new', result.message);
        } else {
          pushToMembers({ notifier }, conversation, 'message:new', result.message);
          void hooks.onMessageCreated?.(conversation, result.message);
        }
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
      // The reader's cursor as the reader sees it counts the messages a block kept from them as read.
      const readSeq = cursor.readSeq + cursor.skipped;
      if (cursor.moved) {
        const event = { conversationId: conversation.id, userId, readSeq: cursor.readSeq };
        if (cursor.skipped === 0) pushToMembers(context, conversation, 'conversation:read', event);
        else {
          context.notifier.toUser(userId, 'conversation:read', { ...event, readSeq });
          context.notifier.toUsers(conversation.memberIds.filter((id) => id !== userId), 'conversation:read', event);
        }
      }
      await hooks.onRead?.(userId, conversation.id);
      return { conversationId: conversation.id, readSeq, unread: Math.max(0, cursor.lastSeq - readSeq) };
    },

    async history(userId: string, conversationId: string, query: HistoryInput): Promise<HistoryResponse> {
      if ([query.before, query.after, query.around].filter((cursor) => cursor !== undefined).length > 1) {
        throw new ApiError('VALIDATION', 'Give at most one of before, after and around', { fields: [{ field: 'before' }, { field: 'after' }, { field: 'around' }] });
      }
      await memberOf(userId, conversationId);
      const limit = query.limit ?? LIMITS.historyPageDefault;
      // The counter is read first: a change made while the page is read is fetched again by sync, never missed.
      const changeSeq = await store.messageChanges.changeSeq(conversationId);
      const page = query.around === undefined ? await store.listMessages(conversationId, { before: query.before, after: query.after, limit }) : await pageAround(conversationId, query.around, limit);
      return { ...page, messages: await viewMessages(store, userId, page.messages), changeSeq };
    },

    /**
     * The user's groups, and direct conversations (under the `anyone` policy every one, else those
     * with current friends): pinned first, then newest activity.
     */
    async listConversations(userId: string): Promise<Conversation[]> {
      const [direct, groups] = await Promise.all([
        context.dmPolicy === 'anyone' ? store.listMemberConversationViews(userId) : store.listConversationViews(userId),
        store.groups.listConversationViews(userId),
      ]);
      const all = await viewConversations<Conversation>(store, userId, [...direct, ...groups]);
      // Under `anyone`, a stranger the user blocks may have opened a conversation holding nothing the user may see: not listed.
      const shown = context.dmPolicy === 'anyone' ? all.filter((conversation) => !(conversation.kind === 'direct' && conversation.lastSeq > 0 && conversation.lastMessage === null)) : all;
      return shown.sort(compareListOrder);
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
