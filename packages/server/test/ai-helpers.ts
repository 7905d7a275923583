import type { AiReplyMessage, AuthResponse, Message, MessageDeltaEvent } from '@confab/protocol';
import { api, clientMsgId, connect, emitWithAck, startServer, type ClientSocket, type TestServer } from './helpers.js';
import type { FakeOpenAI } from './fake-openai.js';

/** A server whose assistant talks to the fake provider. */
export function startAiServer(fake: FakeOpenAI, argv: string[] = []): Promise<TestServer> {
  return startServer(['--ai-base-url', fake.url, '--ai-api-key', 'test-key', '--ai-model', 'fake-model', ...argv]);
}

/** The caller's direct conversation with the assistant. */
export async function assistantConversation(url: string, user: AuthResponse): Promise<string> {
  const friends = await api(url, 'GET', '/friends', { token: user.token });
  const assistant = friends.body.friends.find((friend: { user: { username: string } }) => friend.user.username === 'assistant');
  if (!assistant) throw new Error('no assistant among the friends');
  return assistant.conversationId as string;
}

/** What one socket saw of the replies: every delta, and each reply's final message. */
export interface ReplyWatch {
  deltas: MessageDeltaEvent[];
  created: Message[];
  /** Resolves with the reply's `message:updated` whose status is not `streaming`. */
  finished(messageId: string, timeoutMs?: number): Promise<AiReplyMessage>;
  /** Resolves with the first reply created (message:new from the assistant). */
  firstReply(timeoutMs?: number): Promise<AiReplyMessage>;
  /** Forgets everything seen so far. */
  reset(): void;
  /** Resolves once `count` deltas arrived. */
  deltasReached(count: number, timeoutMs?: number): Promise<void>;
}

async function until<T>(probe: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function watchReplies(socket: ClientSocket): ReplyWatch {
  const deltas: MessageDeltaEvent[] = [];
  const created: Message[] = [];
  const updated: Message[] = [];
  socket.on('message:delta', (event) => deltas.push(event));
  socket.on('message:new', (message) => created.push(message));
  socket.on('message:updated', (message) => updated.push(message));
  return {
    deltas,
    created,
    reset() {
      for (const list of [deltas, created, updated] as unknown[][]) list.length = 0;
    },
    finished: (messageId, timeoutMs = 5000) =>
      until(
        () => updated.find((message) => message.id === messageId && message.type === 'ai' && message.content.status !== 'streaming') as AiReplyMessage | undefined,
        `the end of reply ${messageId}`,
        timeoutMs,
      ),
    firstReply: (timeoutMs = 5000) => until(() => created.find((message) => message.type === 'ai') as AiReplyMessage | undefined, 'a reply', timeoutMs),
    deltasReached: (count, timeoutMs = 5000) => until(() => (deltas.length >= count ? true : undefined), `${count} deltas`, timeoutMs).then(() => undefined),
  };
}

/** Sends `text` to the assistant and returns the stored user message. */
export async function ask(socket: ClientSocket, conversationId: string, text: string): Promise<Message> {
  const ack = await emitWithAck(socket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text } });
  if (!ack.ok) throw new Error(`send failed: ${JSON.stringify(ack.error)}`);
  return ack.message as Message;
}

export { connect };
