import type { AiErrorCode, AiReplyContent, AiReplyMessage, Message } from '@confab/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { AiConfig } from '../config.js';
import { ApiError } from '../errors.js';
import { newMessageStamp } from '../ids.js';
import type { ServiceContext } from '../services/context.js';
import type { ConversationRecord } from '../storage/store.js';
import { ASSISTANT_USER_ID, isAssistant } from './assistant-user.js';
import { createMemoryLimits, type AssistantLimits } from './limiter.js';
import { buildContext, NOT_CONFIGURED_TEXT } from './prompt.js';
import { asProviderError, type ChatProvider } from './provider.js';
import { streamReply } from './stream.js';

interface InFlight {
  controller: AbortController;
  /** Why it was aborted: the user's stop, the idle timeout, the server closing, or the reply ended elsewhere (swept). */
  reason: 'stopped' | 'timeout' | 'shutdown' | 'ended' | null;
  done: Promise<Message>;
}

export interface AssistantOptions {
  ai: AiConfig;
  /** null when no provider is configured. */
  provider: ChatProvider | null;
  log: FastifyBaseLogger;
  /** Concurrency and per-user rate. @default in memory, for one node */
  limits?: AssistantLimits;
  /**
   * How long a `streaming` reply may go unwritten before another node (or this one after a restart)
   * ends it as INTERRUPTED. Its node writes it at least every `ai.timeoutMs` (idle timeout) while alive.
   * @default ai.timeoutMs + 30 s
   */
  leaseMs?: number;
  /** The other server nodes, which may be generating a reply a user here asks to stop. @default none (one node) */
  peers?: ReplyPeers;
}

/** Reaches the assistant of the other nodes. */
export interface ReplyPeers {
  /** Asks every other node to stop `messageId`; resolves with the reply as stopped by the node generating it, or null. */
  stop(messageId: string): Promise<Message | null>;
}

/** What a reply's lease allows beyond the provider's idle timeout (slow database writes, clock skew between nodes). */
export const REPLY_LEASE_MARGIN_MS = 30_000;

const errorContent = (text: string, code: AiErrorCode, message: string): AiReplyContent => ({ text, status: 'error', error: { code, message } });

/**
 * The assistant's replies: admission (provider configured, concurrency, per-user rate), streaming
 * through the provider with `message:delta` pushes, stop, retry, and the final `message:updated`.
 */
export function createAssistantService(context: ServiceContext, options: AssistantOptions) {
  const { store, notifier } = context;
  const { ai, provider, log } = options;
  const limits = options.limits ?? createMemoryLimits({ perMinute: ai.rateLimitPerMinute, maxConcurrent: ai.maxConcurrent, now: context.now });
  const inflight = new Map<string, InFlight>();
  const leaseMs = options.leaseMs ?? ai.timeoutMs + REPLY_LEASE_MARGIN_MS;

  function push(conversation: ConversationRecord, event: 'message:new' | 'message:updated', message: Message): void {
    for (const memberId of conversation.memberIds) if (!isAssistant(memberId)) notifier.toUser(memberId, event, message);
  }

  /** A final content when the reply cannot stream now; else null and `release` frees the reserved slot. */
  async function admit(userId: string): Promise<{ final: AiReplyContent | null; release: () => void }> {
    const none = (): void => undefined;
    if (!provider) return { final: { text: NOT_CONFIGURED_TEXT, status: 'complete' }, release: none };
    const admission = await limits.admit(userId);
    if (admission.admitted) return { final: null, release: admission.release };
    if (admission.reason === 'busy') return { final: errorContent('', 'BUSY', 'The assistant is answering too many people right now. Retry in a moment.'), release: none };
    return { final: errorContent('', 'RATE_LIMITED', `You can ask the assistant ${ai.rateLimitPerMinute} times a minute. Retry in a moment.`), release: none };
  }

  function run(conversation: ConversationRecord, reply: Message, release: () => void): Promise<Message> {
    const entry: InFlight = { controller: new AbortController(), reason: null, done: Promise.resolve(reply) };
    inflight.set(reply.id, entry);
    entry.done = generate(conversation, reply, entry)
      .catch((error: unknown) => {
        log.error({ err: error, messageId: reply.id }, 'AI reply failed');
        return reply;
      })
      .finally(() => {
        inflight.delete(reply.id);
        release();
      });
    return entry.done;
  }

  async function generate(conversation: ConversationRecord, reply: Message, entry: InFlight): Promise<Message> {
    const { signal } = entry.controller;
    const outcome = await streamReply({
      provider: provider as ChatProvider,
      messages: await buildContext(store, ai, reply),
      signal,
      timeoutMs: ai.timeoutMs,
      onTimeout() {
        entry.reason ??= 'timeout';
        entry.controller.abort();
      },
      onDelta(index, text) {
        for (const memberId of conversation.memberIds) {
          if (!isAssistant(memberId)) notifier.toUser(memberId, 'message:delta', { conversationId: conversation.id, messageId: reply.id, index, text });
        }
      },
      async flush(text, deltas) {
        if (await store.updateStreamingReply(reply.id, { text, status: 'streaming', deltas }, context.now())) return;
        // Ended meanwhile (swept as abandoned after a stall): stop generating what nobody will see.
        entry.reason ??= 'ended';
        entry.controller.abort();
      },
    });
    const { text } = outcome;
    let final: AiReplyContent;
    if (entry.reason === 'stopped') final = { text, status: 'stopped' };
    else if (entry.reason === 'timeout') final = errorContent(text, 'TIMEOUT', `The AI provider sent nothing for ${ai.timeoutMs} ms.`);
    else if (entry.reason === 'shutdown') final = errorContent(text, 'INTERRUPTED', 'The server stopped while answering.');
    else if (outcome.error !== undefined) {
      const failure = asProviderError(outcome.error);
      log.warn({ err: outcome.error, messageId: reply.id, code: failure.code }, 'AI provider failed');
      final = errorContent(text, failure.code, failure.message);
    } else if (text === '') final = errorContent('', 'PROVIDER_ERROR', 'The AI provider sent an empty answer.');
    else final = { text, status: 'complete' };
    const stored = entry.reason === 'ended' ? null : await store.updateStreamingReply(reply.id, final);
    // Ended meanwhile: the sweep stored and pushed its end, which stays.
    if (!stored) return (await store.getMessage(reply.id)) ?? reply;
    push(conversation, 'message:updated', stored);
    return stored;
  }

  /** The AI reply `messageId`, checked to exist and to be in a conversation of the caller. */
  async function replyOf(userId: string, messageId: string): Promise<{ reply: AiReplyMessage; conversation: ConversationRecord }> {
    const message = await store.getMessage(messageId);
    if (!message) throw new ApiError('NOT_FOUND', 'No such message');
    const conversation = await store.getConversation(message.conversationId);
    if (!conversation?.memberIds.includes(userId)) throw new ApiError('FORBIDDEN', 'You are not a member of this conversation');
    if (message.type !== 'ai') throw new ApiError('VALIDATION', 'Only replies of the assistant can be stopped or retried', { field: 'messageId' });
    return { reply: message, conversation };
  }

  /** Stops `messageId` if this node is generating it (also for a stop asked on another node); null otherwise. */
  async function stopHere(messageId: string): Promise<Message | null> {
    const entry = inflight.get(messageId);
    if (!entry) return null;
    entry.reason ??= 'stopped';
    entry.controller.abort();
    return entry.done;
  }

  return {
    /** Answers a message just stored in a conversation with the assistant. Never throws. */
    async onMessageCreated(conversation: ConversationRecord, message: Message): Promise<void> {
      if (!conversation.memberIds.includes(ASSISTANT_USER_ID) || isAssistant(message.senderId)) return;
      const { final, release } = await admit(message.senderId);
      try {
        const result = await store.appendMessage({
          ...newMessageStamp(context.now()),
          conversationId: conversation.id,
          senderId: ASSISTANT_USER_ID,
          // One reply per user message, even when two sends race: (sender, clientMsgId) is unique.
          clientMsgId: `reply:${message.id}`,
          type: 'ai',
          content: final ?? { text: '', status: 'streaming', deltas: 0 },
        });
        if (result.outcome !== 'created') throw new Error('reply already exists');
        push(conversation, 'message:new', result.message);
        if (!final) void run(conversation, result.message, release);
      } catch (error) {
        release();
        log.error({ err: error, messageId: message.id }, 'could not start an AI reply');
      }
    },

    /** Stops a generating reply (its text so far kept, `stopped`); a finished one is returned as is. */
    async stop(userId: string, messageId: string): Promise<Message> {
      const { reply } = await replyOf(userId, messageId);
      const here = await stopHere(messageId);
      if (here) return here;
      // Another node may be generating it (the asker's socket is on this one).
      if (reply.content.status === 'streaming' && options.peers) return (await options.peers.stop(messageId)) ?? reply;
      return reply;
    },

    stopHere,

    /** Generates a reply that ended in `error` or `stopped` again, in place (same id and seq). */
    async retry(userId: string, messageId: string): Promise<Message> {
      const { reply, conversation } = await replyOf(userId, messageId);
      if (inflight.has(messageId) || reply.content.status === 'streaming') throw new ApiError('CONFLICT', 'This reply is still being generated');
      if (reply.content.status === 'complete') throw new ApiError('CONFLICT', 'This reply is already complete');
      const { final, release } = await admit(userId);
      const restarted = await store.updateMessageContent(messageId, final ?? { text: '', status: 'streaming', deltas: 0 }, context.now()).catch((error: unknown) => {
        release();
        throw error;
      });
      if (!restarted) {
        release();
        throw new ApiError('NOT_FOUND', 'No such message');
      }
      push(conversation, 'message:updated', restarted);
      if (!final) void run(conversation, restarted, release);
      return restarted;
    },

    /**
     * Ends as INTERRUPTED the replies left `streaming` by a node that stopped writing them for
     * `leaseMs` (it died, or stopped without ending them) and pushes them to their members. Replies
     * another live node is writing are left alone. Returns how many were ended.
     */
    async endAbandoned(): Promise<number> {
      const ended = await store.endStreamingReplies({ code: 'INTERRUPTED', message: 'The server stopped while answering. Retry.' }, context.now() - leaseMs);
      for (const reply of ended) {
        const conversation = await store.getConversation(reply.conversationId);
        if (conversation) push(conversation, 'message:updated', reply);
      }
      return ended.length;
    },

    /** Ends every reply in flight (marked INTERRUPTED) and waits until each is stored. */
    async close(): Promise<void> {
      for (const entry of inflight.values()) {
        entry.reason ??= 'shutdown';
        entry.controller.abort();
      }
      await Promise.all([...inflight.values()].map((entry) => entry.done));
    },
  };
}

export type AssistantService = ReturnType<typeof createAssistantService>;
