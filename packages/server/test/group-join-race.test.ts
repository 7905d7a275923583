import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, loadConfig, type ConfabServer } from '../src/index.js';
import { openStore } from '../src/storage/open-store.js';
import type { Store } from '../src/storage/store.js';
import { createGroup } from './group-helpers.js';
import { api, befriend, clientMsgId, connect, emitWithAck, nextEvent, registerUser, tempDir } from './helpers.js';

/** Runs `during` once, for `userId`, right after a handshake read that user's groups (and before the socket joined its rooms). */
function withHandshakeGap(store: Store, during: { userId: string; run: () => Promise<void> }): Store {
  let armed = true;
  const groups = new Proxy(store.groups, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property !== 'listGroupIds') return typeof value === 'function' ? value.bind(target) : value;
      return async (userId: string) => {
        const read = await target.listGroupIds(userId);
        if (armed && userId === during.userId) {
          armed = false;
          await during.run();
        }
        return read;
      };
    },
  });
  return new Proxy(store, { get: (target, property) => (property === 'groups' ? groups : (Reflect.get(target, property, target) as unknown)) });
}

describe('a member added while their socket connects', () => {
  let server: ConfabServer;
  let url: string;
  let added: { userId: string; run: () => Promise<void> };
  const dataDir = tempDir();
  beforeAll(async () => {
    const config = loadConfig(['--port', '0', '--data-dir', dataDir, '--log-level', 'silent'], {});
    added = { userId: '', run: async () => {} };
    const store = await openStore(config);
    const during = {
      get userId() {
        return added.userId;
      },
      run: () => added.run(),
    };
    server = await createServer(config, { store: withHandshakeGap(store, during) });
    url = await server.listen();
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('gets the group’s messages: the room is joined though the join push came before the socket was in the user’s room', async () => {
    const [owner, carol] = await Promise.all([registerUser(url, 'owner'), registerUser(url, 'carol')]);
    await befriend(url, owner, carol);
    const group = await createGroup(url, owner, []);
    added.userId = carol.user.id;
    added.run = async () => {
      const result = await api(url, 'POST', `/groups/${group.id}/members`, { token: owner.token, body: { userId: carol.user.id } });
      expect(result.status).toBe(201);
    };
    const carolSocket = await connect(url, carol.token);
    const ownerSocket = await connect(url, owner.token);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the second read and its join

    const received = nextEvent(carolSocket, 'message:new');
    const ack = await emitWithAck(ownerSocket, 'message:send', { conversationId: group.id, clientMsgId: clientMsgId(), type: 'text', content: { text: 'welcome' } });
    expect(ack.ok).toBe(true);
    expect(await received).toMatchObject({ conversationId: group.id, content: { text: 'welcome' } });
  });
});
