import { ASSISTANT_USER_ID } from '@confab/protocol';
import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuthResponse, Conversation, ConversationsResponse, HistoryResponse, Message } from '@confab/protocol';
import { startServer, type RunningServer } from '../server.js';
import { openDevice, until, type Device } from './devices.js';
import { countFigures, type ChaosFigures } from './figures.js';
import { textOf } from '../text.js';

/** The server's AI assistant is every user's contact; the chaos run is about people's conversations. */
const chatsOf = (device: Device) => device.client.getState().conversations.list.filter((conversation) => conversation.kind === 'direct' && conversation.peer.id !== ASSISTANT_USER_ID);

export interface ChaosOptions {
  users: number;
  devicesPerUser: number;
  messagesPerDevice: number;
  /** SIGKILL + restart this many times during the sends (at least 2). */
  kills: number;
  /** Random transport cuts per device during the sends. */
  cutsPerDevice: number;
  /** Pause between two sends of one device (ms, random up to this). */
  paceMs: number;
  log?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

/** One REST call to the server under test; throws with the body on an error status. */
export async function rest<T>(url: string, method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Every stored message of a conversation, ascending, through the REST history. */
export async function history(url: string, token: string, conversationId: string): Promise<Message[]> {
  const all: Message[] = [];
  for (;;) {
    const page = await rest<HistoryResponse>(url, 'GET', `/conversations/${conversationId}/messages?after=${all.at(-1)?.seq ?? 0}&limit=100`, token);
    all.push(...page.messages);
    if (!page.hasMore) return all;
  }
}

/**
 * Runs the real built server as a child process and several users with several devices each (the
 * real @confab/core client) sending while transports are cut at random and the server is killed
 * with SIGKILL and restarted on the same port and data dir. Returns the figures.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosFigures> {
  const log = options.log ?? (() => undefined);
  const dataDir = mkdtempSync(join(tmpdir(), 'confab-chaos-'));
  const secret = `chaos-${Math.random().toString(36).slice(2)}-secret-value-0123456789`;
  let server: RunningServer = await startServer(['--jwt-secret', secret], { dataDir });
  const port = new URL(server.url).port;
  const url = server.url;
  const devices: Device[] = [];
  try {
    const users: AuthResponse[] = [];
    for (let index = 0; index < options.users; index++) {
      users.push(await rest<AuthResponse>(url, 'POST', '/auth/register', undefined, { username: `chaos${index}`, password: 'chaos-password' }));
    }
    for (const [a, userA] of users.entries()) {
      for (const userB of users.slice(a + 1)) {
        const { request } = await rest<{ request: { id: string } }>(url, 'POST', '/requests', userA.token, { kind: 'friend', targetId: userB.user.id });
        await rest(url, 'POST', `/requests/${request.id}/accept`, userB.token);
      }
    }
    for (const auth of users) {
      for (let d = 0; d < options.devicesPerUser; d++) devices.push(await openDevice(url, auth, `${auth.user.username}.${d}`));
    }
    for (const device of devices) {
      await until(() => device.client.getState().conversations.loaded, 10_000, `${device.name} conversations`);
      for (const conversation of chatsOf(device)) await device.client.openConversation(conversation.id);
    }
    log(`${users.length} users, ${devices.length} devices, ${devices.length * options.messagesPerDevice} messages to send`);

    let sent = 0;
    const acked: Message[] = [];
    const sends: Promise<void>[] = [];
    let sending = true;

    const deviceLoop = async (device: Device) => {
      const conversations = chatsOf(device).map((conversation) => conversation.id);
      for (let n = 1; n <= options.messagesPerDevice; n++) {
        const conversationId = pick(conversations);
        sent++;
        const text = `${device.name}#${n}`;
        sends.push(
          (async () => {
            let result = await device.client.sendText(conversationId, text).catch(() => null);
            // A send that failed (no ack in the bounded time) is retried by hand, as a person would.
            while (!result) {
              await sleep(100);
              result = await device.client.retry(conversationId, findClientMsgId(device, conversationId, text)).catch(() => null);
            }
            acked.push(result);
          })(),
        );
        if (Math.random() < 0.1) void device.client.markRead(conversationId).catch(() => undefined);
        await sleep(Math.random() * options.paceMs);
      }
    };
    const cutLoop = async (device: Device) => {
      for (let cut = 0; cut < options.cutsPerDevice && sending; cut++) {
        await sleep(Math.random() * options.paceMs * options.messagesPerDevice * 0.8);
        device.cut();
      }
    };
    const killLoop = async () => {
      const span = (options.paceMs / 2) * options.messagesPerDevice;
      for (let kill = 1; kill <= options.kills; kill++) {
        await sleep(span / (options.kills + 1));
        const exited = new Promise((resolve) => server.process.once('exit', resolve));
        server.process.kill('SIGKILL');
        await exited;
        log(`server killed (SIGKILL ${kill}/${options.kills}) after ${acked.length} acks`);
        await sleep(200 + Math.random() * 500);
        server = await startServer(['--port', port, '--jwt-secret', secret], { dataDir });
      }
    };

    const killing = killLoop();
    await Promise.all([...devices.map(deviceLoop), ...devices.map(cutLoop)]);
    sending = false;
    await killing;
    await Promise.all(sends);
    log(`all ${acked.length} sends acked; waiting for every device to hold every message`);

    // Reads on every device, then wait until every device is in step with the server.
    for (const device of devices) {
      for (const conversation of chatsOf(device)) {
        if (Math.random() < 0.5) await device.client.markRead(conversation.id).catch(() => undefined);
      }
    }
    const tokens = new Map(users.map((auth) => [auth.user.id, auth.token]));
    const conversationIds = new Set(devices.flatMap((device) => chatsOf(device).map((c) => c.id)));
    const stored = new Map<string, Message[]>();
    const tokenFor = (conversationId: string): string => {
      const member = devices.find((device) => chatsOf(device).some((c) => c.id === conversationId));
      return tokens.get(member!.userId)!;
    };
    for (const conversationId of conversationIds) stored.set(conversationId, await history(url, tokenFor(conversationId), conversationId));
    const serverViews = async (device: Device) =>
      new Map((await rest<ConversationsResponse>(url, 'GET', '/conversations', tokens.get(device.userId))).conversations.map((c: Conversation) => [c.id, c]));
    const views = new Map<Device, Map<string, Conversation>>();
    await until(
      async () => {
        for (const device of devices) views.set(device, await serverViews(device));
        const figures = countFigures(sent, acked, stored, devices.map((device) => ({ userId: device.userId, state: device.client.getState(), serverViews: views.get(device)! })));
        return figures.lost === 0 && figures.unreadMismatches === 0;
      },
      30_000,
      'every device in step',
    ).catch((error: Error) => log(error.message));
    const figures = countFigures(sent, acked, stored, devices.map((device) => ({ userId: device.userId, state: device.client.getState(), serverViews: views.get(device)! })));
    return { sent, ...figures };
  } finally {
    for (const device of devices) device.client.logout();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function findClientMsgId(device: Device, conversationId: string, text: string): string {
  const item = device.client.getState().messages[conversationId]?.items.find((candidate) => textOf(candidate.message) === text && candidate.state === 'failed');
  return item?.message.clientMsgId ?? '';
}
