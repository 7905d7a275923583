import type { ChatClient } from '@confab/core';
import type { AuthResponse, Message } from '@confab/protocol';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDevice, until, type Device, type DeviceOptions } from './chaos/devices.js';
import { restCall } from './rest.js';
import { startServer, type RunningServer } from './server.js';
import { textOf } from './text.js';

const PASSWORD = 'delivery-password';
let server: RunningServer;
let opened: Device[] = [];
let users = 0;

beforeAll(async () => {
  server = await startServer();
});
afterEach(() => {
  for (const device of opened) device.client.logout();
  opened = [];
});
afterAll(async () => {
  await server.stop();
});

const rest = <T>(method: string, path: string, token?: string, body?: unknown): Promise<T> => restCall<T>(server.url, method, path, token, body);

/** alice and bob, fresh and friends; returns their auth and conversation id. */
async function friends() {
  users++;
  const alice = await rest<AuthResponse>('POST', '/auth/register', undefined, { username: `alice${users}`, password: PASSWORD });
  const bob = await rest<AuthResponse>('POST', '/auth/register', undefined, { username: `bob${users}`, password: PASSWORD });
  const { request } = await rest<{ request: { id: string } }>('POST', '/requests', alice.token, { kind: 'friend', targetId: bob.user.id });
  await rest('POST', `/requests/${request.id}/accept`, bob.token);
  const { friends: list } = await rest<{ friends: { conversationId: string; user: { id: string } }[] }>('GET', '/friends', alice.token);
  return { alice, bob, conversationId: list.find((friend) => friend.user.id === bob.user.id)!.conversationId };
}

async function device(auth: AuthResponse, name: string, options: DeviceOptions = {}): Promise<Device> {
  const opening = await openDevice(server.url, auth, name, options);
  opened.push(opening);
  await until(() => opening.client.getState().connection === 'connected' && opening.client.getState().conversations.loaded, 10_000, `${name} ready`);
  return opening;
}

const texts = (client: ChatClient, conversationId: string) =>
  client.getState().messages[conversationId]?.items.map((item) => `${item.message.seq}:${textOf(item.message)}`) ?? [];
const unread = (client: ChatClient, conversationId: string) => client.getState().conversations.list.find((c) => c.id === conversationId)?.unread;

describe('delivery cases', () => {
  it("alice's markRead(10) in flight while bob's 11 and 12 are stored: unread 2 in every tab", async () => {
    const { alice, bob, conversationId } = await friends();
    const bobPhone = await device(bob, 'bob');
    for (let n = 1; n <= 10; n++) await bobPhone.client.sendText(conversationId, `message ${n}`);
    const [tabA, tabB] = [await device(alice, 'alice.A'), await device(alice, 'alice.B')];
    await tabA.client.openConversation(conversationId);
    expect(unread(tabA.client, conversationId)).toBe(10);

    const reading = tabA.client.markRead(conversationId, 10);
    await Promise.all([reading, bobPhone.client.sendText(conversationId, 'lunch?'), bobPhone.client.sendText(conversationId, '12:30 ok?')]);
    await until(() => unread(tabA.client, conversationId) === 2 && unread(tabB.client, conversationId) === 2, 2_000, 'unread 2 in both tabs');
    expect(texts(tabA.client, conversationId).slice(-2)).toEqual(['11:lunch?', '12:12:30 ok?']);
    const { conversations } = await rest<{ conversations: { unread: number; readSeq: number }[] }>('GET', '/conversations', alice.token);
    expect(conversations[0]).toMatchObject({ readSeq: 10, unread: 2 });
  });

  it('tab A marks seq 7 read and then gets the echo of the same read: 0, not -1', async () => {
    const { alice, bob, conversationId } = await friends();
    const bobPhone = await device(bob, 'bob');
    for (let n = 1; n <= 7; n++) await bobPhone.client.sendText(conversationId, `m${n}`);
    const tabA = await device(alice, 'alice.A');
    await tabA.client.openConversation(conversationId);
    const echoes: number[] = [];
    tabA.socket().on('conversation:read', (event: { readSeq: number }) => echoes.push(event.readSeq));
    await tabA.client.markRead(conversationId, 7);
    await until(() => echoes.includes(7), 2_000, 'the echo');
    expect(unread(tabA.client, conversationId)).toBe(0);
    expect(tabA.client.getState().conversations.unreadTotal).toBe(0);
  });

  it('a-5f2 "on my way": three lost acks, one message for bob, every ack with the original seq', async () => {
    const { alice, bob, conversationId } = await friends();
    const bobPhone = await device(bob, 'bob');
    await bobPhone.client.openConversation(conversationId);
    const acks: number[] = [];
    const loseAcks = (socket: Socket): Socket =>
      new Proxy(socket, {
        get(target, key) {
          if (key !== 'timeout') return Reflect.get(target, key, target);
          return (ms: number) => ({
            async emitWithAck(event: string, payload: unknown) {
              const reply = await (target.timeout(ms) as unknown as { emitWithAck(e: string, p: unknown): Promise<{ message?: Message }> }).emitWithAck(event, payload);
              if (event !== 'message:send') return reply;
              acks.push(reply.message!.seq);
              if (acks.length <= 3) throw new Error('operation has timed out');
              return reply;
            },
          });
        },
      });
    const laptop = await device(alice, 'alice', { wrap: loseAcks, client: { createId: () => 'a-5f2', ackTimeoutMs: 500 } });
    const stored = await laptop.client.sendText(conversationId, 'on my way');
    expect(acks).toEqual([1, 1, 1, 1]);
    expect(stored).toMatchObject({ seq: 1, clientMsgId: 'a-5f2' });
    await until(() => unread(bobPhone.client, conversationId) === 1, 2_000, 'bob unread 1');
    expect(texts(bobPhone.client, conversationId)).toEqual(['1:on my way']);
  });

  it('bob drops at 09:00:00, alice posts at 09:00:05, bob is back at 09:00:12: once, then live', async () => {
    const { alice, bob, conversationId } = await friends();
    let clock = Date.parse('2026-12-03T09:00:00Z');
    const bobPhone = await device(bob, 'bob', { client: { now: () => clock } });
    await bobPhone.client.openConversation(conversationId);
    const laptop = await device(alice, 'alice');

    bobPhone.goOffline(); // 09:00:00
    await until(() => bobPhone.client.getState().connection === 'reconnecting', 2_000, 'bob offline');
    clock += 5_000; // 09:00:05
    await laptop.client.sendText(conversationId, 'are you there?');
    clock += 7_000; // 09:00:12
    bobPhone.goOnline();
    await until(() => texts(bobPhone.client, conversationId).length === 1, 5_000, 'bob caught up');
    const live: string[] = [];
    bobPhone.client.on('message', (message) => live.push(textOf(message)));
    await laptop.client.sendText(conversationId, 'good, later then');
    await until(() => live.length === 1, 2_000, 'the live message');
    expect(live).toEqual(['good, later then']);
    expect(texts(bobPhone.client, conversationId)).toEqual(['1:are you there?', '2:good, later then']);
  });

  it('30 "dinner at 7?", alice offline writes two, bob sends 31 "ok?": both see 30, 31, 32, 33', async () => {
    const { alice, bob, conversationId } = await friends();
    const bobPhone = await device(bob, 'bob');
    for (let n = 1; n <= 29; n++) await bobPhone.client.sendText(conversationId, `earlier ${n}`);
    await bobPhone.client.sendText(conversationId, 'dinner at 7?');
    const laptop = await device(alice, 'alice');
    await laptop.client.openConversation(conversationId);
    await bobPhone.client.openConversation(conversationId);

    laptop.goOffline();
    await until(() => laptop.client.getState().connection === 'reconnecting', 2_000, 'alice offline');
    const yes = laptop.client.sendText(conversationId, 'yes');
    const wine = laptop.client.sendText(conversationId, 'bringing wine');
    expect(laptop.client.getState().messages[conversationId]?.items.slice(-2).map((item) => `${item.state}:${textOf(item.message)}`)).toEqual([
      'sending:yes',
      'sending:bringing wine',
    ]);
    await bobPhone.client.sendText(conversationId, 'ok?');
    laptop.goOnline();
    await Promise.all([yes, wine]);
    const expected = ['30:dinner at 7?', '31:ok?', '32:yes', '33:bringing wine'];
    await until(() => texts(bobPhone.client, conversationId).slice(-4).join() === expected.join(), 3_000, 'bob in step');
    expect(texts(laptop.client, conversationId).slice(-4)).toEqual(expected);
    expect(texts(bobPhone.client, conversationId).slice(-4)).toEqual(expected);
  });

  it('bob sends 3, alice reads on the laptop: her phone shows 0 within a second', async () => {
    const { alice, bob, conversationId } = await friends();
    const [phone, laptop] = [await device(alice, 'alice.phone'), await device(alice, 'alice.laptop')];
    const bobPhone = await device(bob, 'bob');
    for (const text of ['one', 'two', 'three']) await bobPhone.client.sendText(conversationId, text);
    await until(() => unread(phone.client, conversationId) === 3 && unread(laptop.client, conversationId) === 3, 2_000, 'unread 3');
    await laptop.client.openConversation(conversationId);
    await laptop.client.markRead(conversationId);
    const started = Date.now();
    await until(() => unread(phone.client, conversationId) === 0, 1_000, 'phone at 0');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(phone.client.getState().conversations.unreadTotal).toBe(0);
  });

  it('a send made offline survives a reload and is delivered once after it', async () => {
    const { alice, bob, conversationId } = await friends();
    const bobPhone = await device(bob, 'bob');
    await bobPhone.client.openConversation(conversationId);
    const items = new Map<string, string>();
    const storage = { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), removeItem: (key: string) => void items.delete(key) };
    const before = await device(alice, 'alice', { password: PASSWORD, client: { storage } });
    before.goOffline();
    await until(() => before.client.getState().connection === 'reconnecting', 2_000, 'alice offline');
    void before.client.sendText(conversationId, 'sent before reload').catch(() => undefined);
    expect(items.get(`confab.outbox.${alice.user.id}`)).toContain('sent before reload');
    before.socket().disconnect(); // the page goes away

    const after = await openDevice(server.url, alice, 'alice.reloaded', { client: { storage, getToken: () => null } });
    opened.push(after);
    expect(after.client.getState().messages[conversationId]?.items.map((item) => item.state)).toEqual(['sending']);
    await until(() => texts(bobPhone.client, conversationId).length === 1, 5_000, 'bob got it');
    await until(() => !items.has(`confab.outbox.${alice.user.id}`), 2_000, 'outbox emptied');
    expect(texts(bobPhone.client, conversationId)).toEqual(['1:sent before reload']);
    expect(texts(after.client, conversationId)).toEqual(['1:sent before reload']);
  });
});
