import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, emitWithAck, registerUser, type TestServer } from './helpers.js';
import { ask, assistantConversation, startAiServer, watchReplies } from './ai-helpers.js';
import { chunked, startFakeOpenAI, type FakeOpenAI } from './fake-openai.js';

let fake: FakeOpenAI;
let t: TestServer;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  t = await startAiServer(fake, ['--ai-timeout-ms', '300', '--ai-rate-limit', '3', '--ai-max-concurrent', '2']);
});
afterAll(async () => {
  await t.stop();
  await fake.close();
});

/** A fresh user connected to their assistant conversation. */
async function newAsker(name: string) {
  const user = await registerUser(t.url, name);
  const conversationId = await assistantConversation(t.url, user);
  const socket = await connect(t.url, user.token);
  return { user, conversationId, socket, watch: watchReplies(socket) };
}

describe('AI replies end visibly, never hang', () => {
  it('stops mid-stream on ai:stop, keeping the partial text marked stopped', async () => {
    const { conversationId, socket, watch } = await newAsker('stopper');
    fake.enqueue({ steps: [{ chunk: 'Partial ' }, { chunk: 'answer' }, { waitFor: 'never' }, { chunk: ' lost' }] });
    await ask(socket, conversationId, 'go');
    const reply = await watch.firstReply();
    await watch.deltasReached(2);
    const ack = await emitWithAck(socket, 'ai:stop', { messageId: reply.id });
    expect(ack).toMatchObject({ ok: true, message: { id: reply.id, content: { text: 'Partial answer', status: 'stopped' } } });
    expect((await watch.finished(reply.id)).content).toEqual({ text: 'Partial answer', status: 'stopped' });
    // Stopping again answers with the stored reply.
    expect((await emitWithAck(socket, 'ai:stop', { messageId: reply.id })).message.content.status).toBe('stopped');
  });

  it('ends with PROVIDER_ERROR when the provider sends an error mid-stream, and retries in place', async () => {
    const { user, conversationId, socket, watch } = await newAsker('midfail');
    fake.enqueue({ steps: [{ chunk: 'Half' }, { errorEvent: 'model overloaded' }] }, { steps: chunked('Whole answer', 6) });
    await ask(socket, conversationId, 'explain');
    const reply = await watch.firstReply();
    const failed = await watch.finished(reply.id);
    expect(failed.content).toMatchObject({ text: 'Half', status: 'error', error: { code: 'PROVIDER_ERROR' } });

    watch.reset();
    const retried = await emitWithAck(socket, 'ai:retry', { messageId: reply.id });
    expect(retried.message).toMatchObject({ id: reply.id, seq: reply.seq, content: { text: '', status: 'streaming', deltas: 0 } });
    await watch.finished(reply.id);
    expect(watch.deltas.map((delta) => delta.index)).toEqual([0, 1]);
    const history = await api(t.url, 'GET', `/conversations/${conversationId}/messages`, { token: user.token });
    expect(history.body.messages.at(-1)).toMatchObject({ id: reply.id, seq: reply.seq, content: { text: 'Whole answer', status: 'complete' } });
  });

  it('ends with PROVIDER_ERROR when the connection is cut mid-stream', async () => {
    const { conversationId, socket, watch } = await newAsker('cut');
    fake.enqueue({ steps: [{ chunk: 'Start' }, { waitMs: 20 }, { destroy: true }] });
    await ask(socket, conversationId, 'go on');
    const failed = await watch.finished((await watch.firstReply()).id);
    expect(failed.content).toMatchObject({ text: 'Start', status: 'error', error: { code: 'PROVIDER_ERROR' } });
  });

  it('maps a 500 before streaming to PROVIDER_ERROR and a 429 to PROVIDER_RATE_LIMITED', async () => {
    const { conversationId, socket, watch } = await newAsker('http');
    fake.enqueue({ status: 500, message: 'boom' });
    await ask(socket, conversationId, 'one');
    const first = await watch.finished((await watch.firstReply()).id);
    expect(first.content).toEqual({ text: '', status: 'error', error: { code: 'PROVIDER_ERROR', message: 'The AI provider answered with an error (HTTP 500).' } });
    watch.created.length = 0;
    fake.enqueue({ status: 429, message: 'slow down' });
    await ask(socket, conversationId, 'two');
    const second = await watch.finished((await watch.firstReply()).id);
    expect(second.content).toMatchObject({ status: 'error', error: { code: 'PROVIDER_RATE_LIMITED' } });
  });

  it('ends with TIMEOUT when the provider goes silent, keeping the text so far', async () => {
    const { conversationId, socket, watch } = await newAsker('slow');
    fake.enqueue({ steps: [{ chunk: 'I think' }, { hang: true }] });
    const started = Date.now();
    await ask(socket, conversationId, 'think');
    const failed = await watch.finished((await watch.firstReply()).id, 3000);
    expect(failed.content).toMatchObject({ text: 'I think', status: 'error', error: { code: 'TIMEOUT' } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('limits replies per user per minute with RATE_LIMITED, without calling the provider', async () => {
    const { conversationId, socket, watch } = await newAsker('chatty');
    const before = fake.requests.length;
    for (let i = 0; i < 3; i++) {
      watch.created.length = 0;
      await ask(socket, conversationId, `question ${i}`);
      expect((await watch.finished((await watch.firstReply()).id)).content.status).toBe('complete');
    }
    watch.created.length = 0;
    await ask(socket, conversationId, 'one too many');
    // Refused at once: the reply is stored in its error state, nothing streams.
    const limited = await watch.firstReply();
    expect(limited.content).toMatchObject({ text: '', status: 'error', error: { code: 'RATE_LIMITED' } });
    expect(fake.requests.length - before).toBe(3);
    // Another user is not limited by this one.
    const other = await newAsker('quiet');
    await ask(other.socket, other.conversationId, 'hi');
    expect((await other.watch.finished((await other.watch.firstReply()).id)).content.status).toBe('complete');
  });

  it('answers BUSY beyond the maximum of concurrent replies', async () => {
    const a = await newAsker('busy-a');
    const b = await newAsker('busy-b');
    const c = await newAsker('busy-c');
    fake.enqueue({ steps: [{ chunk: 'a' }, { waitFor: 'busy' }] }, { steps: [{ chunk: 'b' }, { waitFor: 'busy' }] });
    await ask(a.socket, a.conversationId, 'a');
    await a.watch.deltasReached(1);
    await ask(b.socket, b.conversationId, 'b');
    await b.watch.deltasReached(1);
    await ask(c.socket, c.conversationId, 'c');
    const third = await c.watch.firstReply();
    expect(third.content).toMatchObject({ status: 'error', error: { code: 'BUSY' } });
    fake.release('busy');
    await a.watch.finished((await a.watch.firstReply()).id);
    await b.watch.finished((await b.watch.firstReply()).id);
    // A slot is free again: the retry streams.
    const retried = await emitWithAck(c.socket, 'ai:retry', { messageId: third.id });
    expect(retried.message.content.status).toBe('streaming');
    expect((await c.watch.finished(third.id)).content.status).toBe('complete');
  });
});
