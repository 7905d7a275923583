import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ASSISTANT_USER_ID, type AuthResponse, type ClientToServerEvents, type ServerToClientEvents, type WireError } from '@confab/protocol';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { io as connectClient, type Socket } from 'socket.io-client';
import { createServer, loadConfig, type ConfabServer, type ServerConfig } from '../src/index.js';
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from './storage-contract/pg-database.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer {
  server: ConfabServer;
  config: ServerConfig;
  url: string;
  dataDir: string;
  /** Closes every socket opened through {@link connect}, the server, and deletes the data dir. */
  stop(): Promise<void>;
}

const openSockets = new Set<ClientSocket>();

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'confab-server-test-'));
}

/**
 * A real server on a random port with a real SQLite file in a fresh temp dir; or, when
 * `CONFAB_TEST_SERVER_STORE=postgres` (with `CONFAB_TEST_DATABASE_URL`), on a fresh PostgreSQL
 * database of its own, dropped by `stop()`.
 */
export async function startServer(argv: string[] = [], dataDir = tempDir()): Promise<TestServer> {
  const database = await serverTestDatabase();
  const databaseArgs = database ? ['--database-url', database.url] : [];
  const config = loadConfig(['--port', '0', '--data-dir', dataDir, '--log-level', 'silent', ...databaseArgs, ...argv], {});
  const server = await createServer(config);
  const url = await server.listen();
  return {
    server,
    config,
    url,
    dataDir,
    async stop() {
      for (const socket of openSockets) socket.disconnect();
      openSockets.clear();
      await server.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh PostgreSQL database when the server tests are asked to run on PostgreSQL, else null (SQLite). */
async function serverTestDatabase(): Promise<TestDatabase | null> {
  if (process.env.CONFAB_TEST_SERVER_STORE !== 'postgres') return null;
  const adminUrl = testDatabaseUrl();
  if (!adminUrl) throw new Error('CONFAB_TEST_SERVER_STORE=postgres needs CONFAB_TEST_DATABASE_URL');
  return createTestDatabase(adminUrl);
}

export interface ApiResult<T> {
  status: number;
  body: T;
}

export interface ApiOptions {
  token?: string;
  body?: unknown;
  /** Sent as is with `content-type: application/json` (for malformed JSON tests). */
  rawBody?: string;
}

export async function api<T = any>(url: string, method: string, path: string, options: ApiOptions = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined || options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = options.rawBody ?? JSON.stringify(options.body);
  }
  const response = await fetch(`${url}/api/v1${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
}

/** Expects an error response and returns its code. */
export function errorCode(result: ApiResult<unknown>): string | undefined {
  return (result.body as { error?: WireError } | undefined)?.error?.code;
}

let userCounter = 0;
export const PASSWORD = 'correct horse battery';

/** Registers a fresh user whose username starts with `name`. */
export async function registerUser(url: string, name: string): Promise<AuthResponse> {
  userCounter += 1;
  const result = await api<AuthResponse>(url, 'POST', '/auth/register', {
    body: { username: `${name}${userCounter}`, password: PASSWORD, displayName: name },
  });
  if (result.status !== 201) throw new Error(`register failed: ${JSON.stringify(result.body)}`);
  return result.body;
}

/** Connects a socket.io client; resolves once connected, rejects with the connect_error. */
export function connect(url: string, token: string): Promise<ClientSocket> {
  const socket: ClientSocket = connectClient(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  openSockets.add(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(error));
  });
}

/** Emits any payload (even a malformed one) and waits for the ack. */
export function emitWithAck<R = any>(socket: ClientSocket, event: string, payload: unknown, timeoutMs = 5000): Promise<R> {
  const untyped = socket as unknown as { timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<R> } };
  return untyped.timeout(timeoutMs).emitWithAck(event, payload);
}

/** Records every `event` the socket receives from now on. */
export function record<E extends keyof ServerToClientEvents>(socket: ClientSocket, event: E): Parameters<ServerToClientEvents[E]>[0][] {
  const received: Parameters<ServerToClientEvents[E]>[0][] = [];
  socket.on(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) => received.push(payload)) as never);
  return received;
}

/** Resolves with the next `event` on the socket, or rejects after `timeoutMs`. */
export function nextEvent<E extends keyof ServerToClientEvents>(socket: ClientSocket, event: E, timeoutMs = 5000): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) => {
      clearTimeout(timer);
      resolve(payload);
    }) as never);
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Makes two registered users friends through the REST request/accept flow; returns their conversation id. */
export async function befriend(url: string, a: AuthResponse, b: AuthResponse): Promise<string> {
  const created = await api(url, 'POST', '/requests', { token: a.token, body: { kind: 'friend', targetId: b.user.id } });
  const accepted = await api(url, 'POST', `/requests/${created.body.request.id}/accept`, { token: b.token });
  if (accepted.status !== 200) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
  const friends = await api(url, 'GET', '/friends', { token: a.token });
  return friends.body.friends.find((friend: { user: { id: string } }) => friend.user.id === b.user.id).conversationId;
}

/** Two new friends, alice and bob, and their direct conversation. */
export async function friendPair(url: string): Promise<{ alice: AuthResponse; bob: AuthResponse; conversationId: string }> {
  const alice = await registerUser(url, 'alice');
  const bob = await registerUser(url, 'bob');
  return { alice, bob, conversationId: await befriend(url, alice, bob) };
}

/** A second, read-only connection to the server's SQLite file, for counting rows. */
export function openDb(config: ServerConfig): Database {
  return new BetterSqlite3(config.databaseFile, { readonly: true });
}

export function countRows(db: Database, table: string): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

let msgCounter = 0;
/** A fresh clientMsgId. */
export function clientMsgId(): string {
  msgCounter += 1;
  return `cm-${Date.now()}-${msgCounter}`;
}

/** Whether a conversation is with a person, not the assistant every user has (tests about people use this). */
export function withPerson(conversation: { kind?: string; peer?: { id: string } }): boolean {
  return conversation.peer?.id !== ASSISTANT_USER_ID;
}
