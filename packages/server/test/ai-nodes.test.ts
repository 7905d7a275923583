import { ASSISTANT_USER_ID, type AiReplyMessage } from '@confab/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, loadConfig, type ConfabServer } from '../src/index.js';
import { ask, assistantConversation, startAiServer, watchReplies } from './ai-helpers.js';
import { startFakeOpenAI, type FakeOpenAI } from './fake-openai.js';
import { redisUnavailable, TEST_REDIS_URL, uniqueRedisPrefix } from './cluster-helpers.js';
import { api, clientMsgId, connect, emitWithAck, nextEvent, registerUser, sleep, type TestServer } from './helpers.js';

let fake: FakeOpenAI;
let t: TestServer;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  t = await startAiServer(fake);
});
afterAll(async () => {
  await t.stop();
  await fake.close();
});

/** A second node on the same database (and data dir) as `node`, as another replica would start; closed by the caller. */
async function startPeer(node = t, argv: string[] = []): Promise<ConfabServer> {
  const database = node.config.databaseUrl ? ['--database-url', node.config.databaseUrl] : [];
  const ai = ['--ai-base-url', fake.url, '--ai-api-key', 'test-key', '--ai-model', 'fake-model'];
  const peer = await createServer(loadConfig(['--port', '0', '--data-dir', node.dataDir, '--log-level', 'silent', ...database, ...ai, ...argv], {}));
  await peer.listen();
  return peer;
}

/** A `streaming` reply stored as a node writes it, `ageMs` ago. */
async function streamingReply(conversationId: string, ageMs: number): Promise<AiReplyMessage> {
  const result = await t.server.store.appendMessage({
    id: `m_${clientMsgId()}`,
    conversationId,
    senderId: ASSISTANT_USER_ID,
    clientMsgId: clientMsgId(),
    type: 'ai',
    content: { text: 'Half', status: 'streaming', deltas: 1 },
    createdAt: Date.now() - ageMs,
  });
  return result.message as AiReplyMessage;
}

const interrupted = { code: 'INTERRUPTED' as const, message: 'The server stopped while answering. Retry.' };

describe('AI replies with several nodes on one database', () => {
  it('a node starting leaves the replies another node is streaming alone', async () => {
    const ada = await registerUser(t.url, 'ada');
    const conversationId = await assistantConversation(t.url, ada);
    const socket = await connect(t.url, ada.token);
    const watch = watchReplies(socket);
    fake.enqueue({ steps: [{ chunk: 'Half' }, { waitFor: 'rest' }, { chunk: ' done' }] });
    await ask(socket, conversationId, 'Tell me');
    const reply = await watch.firstReply();
    await watch.deltasReached(1);
    await sleep(300); // past the 200 ms flush

    const peer = await startPeer();
    try {
      const history = await api(t.url, 'GET', `/conversations/${conversationId}/messages`, { token: ada.token });
      expect(history.body.messages.at(-1)).toEqual({ ...reply, content: { text: 'Half', status: 'streaming', deltas: 1 } });
      fake.release('rest');
      expect((await watch.finished(reply.id)).content).toEqual({ text: 'Half done', status: 'complete' });
    } finally {
      await peer.close();
    }
  });

  it('a node starting ends the replies of a node that died (past their lease), and only those', async () => {
    const bo = await registerUser(t.url, 'bo');
    const conversationId = await assistantConversation(t.url, bo);
    // The default lease is the 30 s idle timeout plus 30 s.
    const abandoned = await streamingReply(conversationId, 61_000);
    const live = await streamingReply(conversationId, 5_000);

    const peer = await startPeer();
    try {
      expect(await t.server.store.getMessage(abandoned.id)).toEqual({ ...abandoned, content: { text: 'Half', status: 'error', error: interrupted } });
      expect(await t.server.store.getMessage(live.id)).toEqual(live);
    } finally {
      await peer.close();
    }
  });

  it('the sweep pushes each abandoned reply, ended, to the members', async () => {
    const cy = await registerUser(t.url, 'cy');
    const conversationId = await assistantConversation(t.url, cy);
    const socket = await connect(t.url, cy.token);
    const abandoned = await streamingReply(conversationId, 120_000);
    const updated = nextEvent(socket, 'message:updated');

    expect(await t.server.services.assistant.endAbandoned()).toBe(1);
    expect(await updated).toEqual({ ...abandoned, content: { text: 'Half', status: 'error', error: interrupted } });
    expect(await t.server.services.assistant.endAbandoned()).toBe(0);
  });

  it('a reply swept while its node stalled stays ended: that node stops generating and writes nothing more', async () => {
    const di = await registerUser(t.url, 'di');
    const conversationId = await assistantConversation(t.url, di);
    const socket = await connect(t.url, di.token);
    const watch = watchReplies(socket);
    fake.enqueue({ steps: [{ chunk: 'Half' }, { waitFor: 'stall' }, { chunk: ' more' }, { waitMs: 500 }, { chunk: ' never' }] });
    await ask(socket, conversationId, 'Tell me');
    const reply = await watch.firstReply();
    await watch.deltasReached(1);
    await sleep(300); // past the 200 ms flush
    // Another node's sweep after the stall outlasted the lease.
    const swept = (await t.server.store.endStreamingReplies(interrupted, Date.now() + 1)).find((message) => message.id === reply.id);
    expect(swept?.content).toEqual({ text: 'Half', status: 'error', error: interrupted });

    fake.release('stall');
    await sleep(900); // ' more', its flush (finds the reply ended, stops the stream), and past ' never'
    expect(await t.server.store.getMessage(reply.id)).toEqual(swept);
    expect(watch.deltas.map((delta) => delta.text)).toEqual(['Half', ' more']);
    await expect(watch.finished(reply.id, 200)).rejects.toThrow(/timed out/);
  });
});

const redisDown = await redisUnavailable();

describe.skipIf(redisDown !== null)('AI replies with several nodes sharing Redis', () => {
  it('ai:stop on one node stops the reply another node is generating, keeping its text', async () => {
    const redis = ['--redis-url', TEST_REDIS_URL, '--redis-prefix', uniqueRedisPrefix('ai-stop')];
    const node1 = await startAiServer(fake, redis);
    const node2 = await startPeer(node1, redis);
    try {
      const eve = await registerUser(node1.url, 'eve');
      const conversationId = await assistantConversation(node1.url, eve);
      const [asker, stopper] = await Promise.all([connect(node1.url, eve.token), connect(node2.url, eve.token)]);
      const watch = watchReplies(asker);
      fake.enqueue({ steps: [{ chunk: 'Partial ' }, { chunk: 'answer' }, { waitFor: 'never' }, { chunk: ' lost' }] });
      await ask(asker, conversationId, 'go');
      const reply = await watch.firstReply();
      await watch.deltasReached(2);

      const ack = await emitWithAck(stopper, 'ai:stop', { messageId: reply.id });
      expect(ack).toMatchObject({ ok: true, message: { id: reply.id, content: { text: 'Partial answer', status: 'stopped' } } });
      expect((await watch.finished(reply.id)).content).toEqual({ text: 'Partial answer', status: 'stopped' });
    } finally {
      await node2.close();
      await node1.stop();
    }
  });
});
