import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup } from './group-helpers.js';
import { befriend, connect, emitWithAck, friendPair, nextEvent, record, registerUser, sleep, startServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.stop());

describe('typing', () => {
  it("tells the peer (and the typist's other devices) in a direct conversation, storing nothing", async () => {
    const { alice, bob, conversationId } = await friendPair(t.url);
    const [a, otherTab, b] = await Promise.all([connect(t.url, alice.token), connect(t.url, alice.token), connect(t.url, bob.token)]);
    const [heard, ownTab] = [nextEvent(b, 'typing'), nextEvent(otherTab, 'typing')];
    expect(await emitWithAck(a, 'typing', { conversationId })).toEqual({ ok: true });
    expect(await heard).toEqual({ conversationId, userId: alice.user.id });
    expect(await ownTab).toEqual({ conversationId, userId: alice.user.id });
  });

  it('tells every member of a group', async () => {
    const owner = await registerUser(t.url, 'olga');
    const [mia, max] = [await registerUser(t.url, 'mia'), await registerUser(t.url, 'max')];
    await befriend(t.url, owner, mia);
    await befriend(t.url, owner, max);
    const group = await createGroup(t.url, owner, [mia, max]);
    const [o, m, x] = await Promise.all([connect(t.url, owner.token), connect(t.url, mia.token), connect(t.url, max.token)]);
    const heard = [nextEvent(o, 'typing'), nextEvent(x, 'typing')];
    await emitWithAck(m, 'typing', { conversationId: group.id });
    expect(await Promise.all(heard)).toEqual([
      { conversationId: group.id, userId: mia.user.id },
      { conversationId: group.id, userId: mia.user.id },
    ]);
  });

  it('refuses a stranger, an unknown conversation and a bad payload, telling no one', async () => {
    const { alice, bob, conversationId } = await friendPair(t.url);
    const mallory = await registerUser(t.url, 'mallory');
    const [a, b, m] = await Promise.all([connect(t.url, alice.token), connect(t.url, bob.token), connect(t.url, mallory.token)]);
    const told = [record(a, 'typing'), record(b, 'typing')];
    expect(await emitWithAck(m, 'typing', { conversationId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await emitWithAck(a, 'typing', { conversationId: 'c_nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await emitWithAck(a, 'typing', { conversationId, text: 'sneaky' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await emitWithAck(a, 'typing', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await sleep(100);
    expect(told).toEqual([[], []]);
  });
});
