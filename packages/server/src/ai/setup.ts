import type { Message } from '@confab/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { AiConfig } from '../config.js';
import type { Store } from '../storage/store.js';
import { ASSISTANT_USER_ID } from './assistant-user.js';
import type { ConfabIo } from '../realtime/types.js';
import type { AssistantService, ReplyPeers } from './replies.js';

/** How often each node looks for replies whose node died while answering. */
export const SWEEP_INTERVAL_MS = 10_000;

/** At startup: the assistant's name and avatar from the configuration. */
export async function prepareAssistant(store: Store, ai: AiConfig): Promise<void> {
  await store.updateUserProfile(ASSISTANT_USER_ID, { displayName: ai.name, avatarUrl: ai.avatarUrl });
}

/**
 * Ends the replies abandoned by a stopped or dead node (past their lease, so never another live
 * node's) now, then every `intervalMs` on a timer that does not keep the process alive. Returns the
 * stop function.
 */
export async function startReplySweeper(assistant: Pick<AssistantService, 'endAbandoned'>, log: FastifyBaseLogger, intervalMs = SWEEP_INTERVAL_MS): Promise<() => void> {
  const sweep = async (): Promise<void> => {
    const ended = await assistant.endAbandoned();
    if (ended > 0) log.warn({ replies: ended }, 'ended AI replies abandoned by a stopped node');
  };
  await sweep();
  const timer = setInterval(() => void sweep().catch((error: unknown) => log.warn({ err: error }, 'sweeping abandoned AI replies failed')), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The other nodes' assistants, reached with inter-server events of the socket.io adapter (`ai:stop`);
 * answers wait up to the adapter's request timeout (5 s).
 */
export function replyPeers(io: ConfabIo): ReplyPeers {
  return {
    async stop(messageId) {
      const answers: (Message | null)[] = await io.serverSideEmitWithAck('ai:stop', messageId).catch(() => []);
      return answers.find((answer) => answer !== null) ?? null;
    },
  };
}
