import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '@confab/server';
import { startServer, type RunningServer } from './server.js';

export const BIG_PASSWORD = 'correct horse battery';

/** What {@link startBigChat} seeded. */
export interface BigChat {
  server: RunningServer;
  /** The viewer (log in with {@link BIG_PASSWORD}). */
  username: string;
  /** The friend whose conversation holds `messageCount` messages. */
  busyFriend: { id: string; username: string; displayName: string; conversationId: string };
  conversationCount: number;
  messageCount: number;
  /** Stops the server and removes its data dir. */
  stop: () => Promise<void>;
}

/**
 * A real server on a data dir seeded through the server's own store: a viewer with
 * `conversations` friends (one message each) and `messages` messages with one of them.
 * The viewer and the busy friend (`friend0`) register through the API (real password hashes, both
 * can log in); the rest is written directly,
 * with the server stopped, then the server starts again on the same data.
 */
export async function startBigChat(conversations = 3000, messages = 10_000): Promise<BigChat> {
  const dataDir = mkdtempSync(join(tmpdir(), 'confab-big-'));
  const username = 'viewer';
  let server = await startServer([], { dataDir });
  const register = async (name: string, displayName: string): Promise<string> => {
    const response = await fetch(`${server.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: name, password: BIG_PASSWORD, displayName }),
    });
    if (!response.ok) throw new Error(`register failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { user: { id: string } }).user.id;
  };
  const viewerId = await register(username, 'Vera Viewer');
  // The busy friend can log in too (to send live messages); the others exist only in the store.
  const busyId = await register('friend0', 'Friend 0');
  await server.stop();

  const store = openSqliteStore(join(dataDir, 'confab.db'));
  const start = Date.now() - 40 * 86_400_000;
  let busyFriend: BigChat['busyFriend'] | null = null;
  for (let index = 0; index < conversations; index++) {
    const id = index === 0 ? busyId : `u_big${index}`;
    const friendName = `friend${index}`;
    const displayName = `Friend ${index}`;
    if (index > 0) await store.createUser({ id, username: friendName, displayName, passwordHash: 'not-a-login', createdAt: start });
    const conversationId = await store.makeFriends(viewerId, id, start, `c_big${index}`);
    await store.appendMessage({
      id: `m_big${index}`,
      conversationId,
      senderId: id,
      clientMsgId: `cm_big${index}`,
      type: 'text',
      content: { text: `Hello number ${index} from ${displayName}` },
      createdAt: start + index * 1000,
    });
    if (index === 0) busyFriend = { id, username: friendName, displayName, conversationId };
  }
  const busy = busyFriend!;
  // Ten thousand messages over the last ~30 days, both directions, some long enough to wrap.
  const span = 30 * 86_400_000;
  for (let index = 0; index < messages; index++) {
    const fromViewer = index % 3 === 0;
    const text = index % 7 === 0 ? `Message ${index}: ${'a longer line that wraps over several rows '.repeat(3)}` : `Message ${index}`;
    await store.appendMessage({
      id: `m_busy${index}`,
      conversationId: busy.conversationId,
      senderId: fromViewer ? viewerId : busy.id,
      clientMsgId: `cm_busy${index}`,
      type: 'text',
      content: { text },
      createdAt: Date.now() - span + Math.floor((index * span) / messages),
    });
  }
  await store.close();
  server = await startServer([], { dataDir });
  const running = server;
  const stop = async (): Promise<void> => {
    await running.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { server, username, busyFriend: busy, conversationCount: conversations, messageCount: messages, stop };
}
