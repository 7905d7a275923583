import { ASSISTANT_USER_ID } from '@confab/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, emitWithAck, errorCode, friendPair, nextEvent, record, registerUser, sleep, startServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.stop());

const presenceOf = async (token: string, userId: string) => (await api(t.url, 'GET', `/presence/${userId}`, { token })).body.presence;

describe('presence', () => {
  it('tells a friend when the first socket connects and when the last one closes, with the last seen time', async () => {
    const { alice, bob } = await friendPair(t.url);
    const b = await connect(t.url, bob.token);
    const online = nextEvent(b, 'presence');
    const tab1 = await connect(t.url, alice.token);
    expect(await online).toEqual({ userId: alice.user.id, online: true, lastSeenAt: null });
    expect(await presenceOf(bob.token, alice.user.id)).toEqual({ userId: alice.user.id, online: true, lastSeenAt: null });

    // A second tab, then closing the first: alice stays online and bob hears nothing.
    const heard = record(b, 'presence');
    const tab2 = await connect(t.url, alice.token);
    tab1.disconnect();
    await sleep(150);
    expect(heard).toEqual([]);
    expect((await presenceOf(bob.token, alice.user.id)).online).toBe(true);

    const before = Date.now();
    tab2.disconnect();
    const offline = await nextEvent(b, 'presence');
    expect(offline).toMatchObject({ userId: alice.user.id, online: false });
    expect(offline.lastSeenAt).toBeGreaterThanOrEqual(before);
    expect(offline.lastSeenAt).toBeLessThanOrEqual(Date.now());
    expect(await presenceOf(bob.token, alice.user.id)).toEqual(offline);
    // Bob himself is online, as alice sees him.
    expect(await presenceOf(alice.token, bob.user.id)).toEqual({ userId: bob.user.id, online: true, lastSeenAt: null });
  });

  it('lists every friend but not the assistant, and answers it in sync when asked', async () => {
    const { alice, bob, conversationId } = await friendPair(t.url);
    const carol = await registerUser(t.url, 'carol');
    const b = await connect(t.url, bob.token);
    await sleep(50);
    const list = await api(t.url, 'GET', '/presence', { token: alice.token });
    expect(list.body).toEqual({ presence: [{ userId: bob.user.id, online: true, lastSeenAt: null }], settings: { showPresence: true } });
    expect(list.body.presence.map((entry: { userId: string }) => entry.userId)).not.toContain(ASSISTANT_USER_ID);
    expect(list.body.presence.map((entry: { userId: string }) => entry.userId)).not.toContain(carol.user.id);

    const a = await connect(t.url, alice.token);
    const synced = await emitWithAck(a, 'sync', { cursors: [{ conversationId, seq: 0 }], presence: true });
    expect(synced.presence).toEqual({ presence: [{ userId: bob.user.id, online: true, lastSeenAt: null }], settings: { showPresence: true } });
    const plain = await emitWithAck(b, 'sync', { cursors: [] });
    expect(plain.presence).toBeUndefined();
  });

  it('refuses strangers (FORBIDDEN), unknown users and the assistant (NOT_FOUND), and bad input (VALIDATION)', async () => {
    const { alice } = await friendPair(t.url);
    const mallory = await registerUser(t.url, 'mallory');
    const asked = await api(t.url, 'GET', `/presence/${alice.user.id}`, { token: mallory.token });
    expect([asked.status, errorCode(asked)]).toEqual([403, 'FORBIDDEN']);
    expect(errorCode(await api(t.url, 'GET', '/presence/u_nobody', { token: mallory.token }))).toBe('NOT_FOUND');
    expect(errorCode(await api(t.url, 'GET', `/presence/${ASSISTANT_USER_ID}`, { token: alice.token }))).toBe('NOT_FOUND');
    expect(errorCode(await api(t.url, 'GET', '/presence', {}))).toBe('UNAUTHORIZED');
    for (const body of [{}, { showPresence: 'no' }, { showPresence: false, extra: 1 }]) {
      expect(errorCode(await api(t.url, 'PATCH', '/me/presence', { token: alice.token, body }))).toBe('VALIDATION');
    }
    expect((await api(t.url, 'GET', '/me', { token: alice.token })).body.presenceSettings).toEqual({ showPresence: true });
    // Strangers hear nothing of alice going online.
    const m = await connect(t.url, mallory.token);
    const heard = record(m, 'presence');
    const a = await connect(t.url, alice.token);
    a.disconnect();
    await sleep(200);
    expect(heard).toEqual([]);
  });

  it('hidden presence: friends see neither online nor last seen, hear nothing more, and the hider sees nobody', async () => {
    const { alice, bob } = await friendPair(t.url);
    const [a, b, aliceOtherTab] = await Promise.all([connect(t.url, alice.token), connect(t.url, bob.token), connect(t.url, alice.token)]);
    await sleep(50);
    const hiddenEvent = nextEvent(b, 'presence');
    const ownTab = nextEvent(aliceOtherTab, 'presence:settings');
    const hid = await api(t.url, 'PATCH', '/me/presence', { token: alice.token, body: { showPresence: false } });
    const hiddenList = { presence: [{ userId: bob.user.id, online: false, lastSeenAt: null }], settings: { showPresence: false } };
    expect(hid.body).toEqual(hiddenList);
    expect(await ownTab).toEqual(hiddenList);
    expect(await hiddenEvent).toEqual({ userId: alice.user.id, online: false, lastSeenAt: null });
    expect(await presenceOf(bob.token, alice.user.id)).toEqual({ userId: alice.user.id, online: false, lastSeenAt: null });
    expect((await api(t.url, 'GET', '/me', { token: alice.token })).body.presenceSettings).toEqual({ showPresence: false });
    // Reciprocal: alice sees bob hidden too.
    expect(await presenceOf(alice.token, bob.user.id)).toEqual({ userId: bob.user.id, online: false, lastSeenAt: null });
    expect((await api(t.url, 'GET', '/presence', { token: alice.token })).body).toEqual({ presence: [{ userId: bob.user.id, online: false, lastSeenAt: null }], settings: { showPresence: false } });

    // No events about her while hidden, nor to her about bob.
    const bobHeard = record(b, 'presence');
    const aliceHeard = record(a, 'presence');
    a.disconnect();
    aliceOtherTab.disconnect();
    const a2 = await connect(t.url, alice.token);
    const bobTab = await connect(t.url, bob.token);
    bobTab.disconnect();
    await sleep(200);
    expect(bobHeard).toEqual([]);
    expect(aliceHeard).toEqual([]);

    // Shown again: bob is told she is online (her last seen kept meanwhile).
    const shown = nextEvent(b, 'presence');
    await api(t.url, 'PATCH', '/me/presence', { token: alice.token, body: { showPresence: true } });
    const back = await shown;
    expect(back).toMatchObject({ userId: alice.user.id, online: true });
    expect(back.lastSeenAt).toEqual(expect.any(Number));
    a2.disconnect();
  });

  it('tells two new friends each other\'s presence when the request is accepted', async () => {
    const dora = await registerUser(t.url, 'dora');
    const emil = await registerUser(t.url, 'emil');
    const [d, e] = await Promise.all([connect(t.url, dora.token), connect(t.url, emil.token)]);
    const [doraHears, emilHears] = [nextEvent(d, 'presence'), nextEvent(e, 'presence')];
    const request = await api(t.url, 'POST', '/requests', { token: dora.token, body: { kind: 'friend', targetId: emil.user.id } });
    await api(t.url, 'POST', `/requests/${request.body.request.id}/accept`, { token: emil.token });
    expect(await doraHears).toEqual({ userId: emil.user.id, online: true, lastSeenAt: null });
    expect(await emilHears).toEqual({ userId: dora.user.id, online: true, lastSeenAt: null });
  });

  it('stops after unfriending: no events, and FORBIDDEN when asked', async () => {
    const { alice, bob } = await friendPair(t.url);
    const b = await connect(t.url, bob.token);
    const removed = await api(t.url, 'DELETE', `/friends/${alice.user.id}`, { token: bob.token });
    expect(removed.status).toBe(200);
    const heard = record(b, 'presence');
    const a = await connect(t.url, alice.token);
    a.disconnect();
    await sleep(200);
    expect(heard).toEqual([]);
    expect(errorCode(await api(t.url, 'GET', `/presence/${alice.user.id}`, { token: bob.token }))).toBe('FORBIDDEN');
    expect((await api(t.url, 'GET', '/presence', { token: bob.token })).body.presence).toEqual([]);
  });
});
