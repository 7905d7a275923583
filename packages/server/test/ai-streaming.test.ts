import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, emitWithAck, registerUser, type TestServer } from './helpers.js';
import { ask, assistantConversation, startAiServer, watchReplies } from './ai-helpers.js';
import { chunked, startFakeOpenAI, type FakeOpenAI } from './fake-openai.js';

let fake: FakeOpenAI;
let t: TestServer;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  t = await startAiServer(fake, ['--ai-context-messages', '4', '--ai-system-prompt', 'Be brief.']);
});
afterAll(async () => {
  await t.stop();
  await fake.close();
});
afterEach(() => {
  fake.requests.length = 0;
});

describe('AI replies stream from an OpenAI-compatible provider', () => {
  it('pushes deltas in order and stores their concatenation as the final text', async () => {
    const ada = await registerUser(t.url, 'ada');
    const conversationId = await assistantConversation(t.url, ada);
    const socket = await connect(t.url, ada.token);
    const watch = watchReplies(socket);
    fake.enqueue({ steps: chunked('The answer is **42**, as computed.', 3, 5) });

    const question = await ask(socket, conversationId, 'What is the answer?');
    const reply = await watch.firstReply();
    expect(reply).toMatchObject({ conversationId, seq: question.seq + 1, senderId: 'u_assistant', content: { status: 'streaming', text: '', deltas: 0 } });
    const final = await watch.finished(reply.id);

    const mine = watch.deltas.filter((delta) => delta.messageId === reply.id);
    expect(mine.map((delta) => delta.index)).toEqual([...Array(12).keys()]);
    expect(mine.map((delta) => delta.text).join('')).toBe('The answer is **42**, as computed.');
    expect(final.content).toEqual({ text: 'The answer is **42**, as computed.', status: 'complete' });
    const history = await api(t.url, 'GET', `/conversations/${conversationId}/messages`, { token: ada.token });
    expect(history.body.messages.at(-1)).toEqual(final);
    expect(fake.requests[0]).toMatchObject({ model: 'fake-model', stream: true, authorization: 'Bearer test-key' });
  });

  it('sends the system prompt and the configured number of recent messages, in order, as context', async () => {
    const bo = await registerUser(t.url, 'bo');
    const conversationId = await assistantConversation(t.url, bo);
    const socket = await connect(t.url, bo.token);
    const watch = watchReplies(socket);
    fake.enqueue({ steps: [{ chunk: 'one' }] }, { steps: [{ chunk: 'two' }] });
    await ask(socket, conversationId, 'first question');
    await watch.finished((await watch.firstReply()).id);
    watch.created.length = 0;
    await ask(socket, conversationId, 'second question');
    await watch.finished((await watch.firstReply()).id);

    // Context 4: the last four messages before the reply, oldest first.
    expect(fake.requests[1]?.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'first question' },
      { role: 'assistant', content: 'one' },
      { role: 'user', content: 'second question' },
    ]);
    watch.created.length = 0;
    fake.enqueue({ steps: [{ chunk: 'three' }] });
    await ask(socket, conversationId, 'third question');
    await watch.finished((await watch.firstReply()).id);
    expect(fake.requests[2]?.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'assistant', content: 'one' },
      { role: 'user', content: 'second question' },
      { role: 'assistant', content: 'two' },
      { role: 'user', content: 'third question' },
    ]);
  });

  it('streams to every device of the user', async () => {
    const cy = await registerUser(t.url, 'cy');
    const conversationId = await assistantConversation(t.url, cy);
    const phone = await connect(t.url, cy.token);
    const laptop = await connect(t.url, cy.token);
    const onPhone = watchReplies(phone);
    const onLaptop = watchReplies(laptop);
    fake.enqueue({ steps: chunked('abcdefgh', 2, 5) });
    await ask(laptop, conversationId, 'letters please');
    const reply = await onLaptop.firstReply();
    const [phoneFinal, laptopFinal] = await Promise.all([onPhone.finished(reply.id), onLaptop.finished(reply.id)]);
    expect(onPhone.deltas.map((delta) => `${delta.index}:${delta.text}`)).toEqual(['0:ab', '1:cd', '2:ef', '3:gh']);
    expect(onLaptop.deltas).toEqual(onPhone.deltas);
    expect(phoneFinal.content.text).toBe('abcdefgh');
    expect(laptopFinal).toEqual(phoneFinal);
  });

  it('gives a client that reconnects mid-stream the text so far, then the rest', async () => {
    const di = await registerUser(t.url, 'di');
    const conversationId = await assistantConversation(t.url, di);
    const first = await connect(t.url, di.token);
    const before = watchReplies(first);
    fake.enqueue({ steps: [{ chunk: 'Once ' }, { chunk: 'upon ' }, { chunk: 'a ' }, { waitFor: 'di' }, { chunk: 'time' }, { chunk: '.' }] });
    await ask(first, conversationId, 'Tell a story');
    const reply = await before.firstReply();
    await before.deltasReached(3);
    first.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 300)); // past the flush interval

    const second = await connect(t.url, di.token);
    const after = watchReplies(second);
    const history = await api(t.url, 'GET', `/conversations/${conversationId}/messages`, { token: di.token });
    const sofar = history.body.messages.find((message: { id: string }) => message.id === reply.id);
    expect(sofar.content).toEqual({ text: 'Once upon a ', status: 'streaming', deltas: 3 });
    fake.release('di');
    const final = await after.finished(reply.id);
    expect(after.deltas.map((delta) => `${delta.index}:${delta.text}`)).toEqual(['3:time', '4:.']);
    expect(sofar.content.text + after.deltas.map((delta) => delta.text).join('')).toBe(final.content.text);
    expect(final.content).toEqual({ text: 'Once upon a time.', status: 'complete' });
  });

  it('answers only members: stop and retry of someone else\'s reply are FORBIDDEN', async () => {
    const ed = await registerUser(t.url, 'ed');
    const fy = await registerUser(t.url, 'fy');
    const conversationId = await assistantConversation(t.url, ed);
    const socket = await connect(t.url, ed.token);
    const watch = watchReplies(socket);
    await ask(socket, conversationId, 'hello');
    const reply = await watch.firstReply();
    await watch.finished(reply.id);
    const other = await connect(t.url, fy.token);
    expect((await emitWithAck(other, 'ai:stop', { messageId: reply.id })).error.code).toBe('FORBIDDEN');
    expect((await emitWithAck(other, 'ai:retry', { messageId: reply.id })).error.code).toBe('FORBIDDEN');
    expect((await emitWithAck(socket, 'ai:retry', { messageId: 'm_nope' })).error.code).toBe('NOT_FOUND');
    expect((await emitWithAck(socket, 'ai:stop', { id: reply.id })).error.code).toBe('VALIDATION');
    expect((await emitWithAck(socket, 'ai:retry', { messageId: reply.id })).error.code).toBe('CONFLICT');
    expect(socket.connected).toBe(true);
  });
});
