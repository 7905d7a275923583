/**
 * A loopback OpenAI-compatible server for tests: `POST /v1/chat/completions` with `stream: true`
 * answers `text/event-stream` with `data: {chat.completion.chunk}` events and `data: [DONE]`, as the
 * real API does. Each request follows a script: queued with `enqueue`, else made by `respond`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeStep =
  /** One chunk whose `choices[0].delta.content` is the text. */
  | { chunk: string }
  | { waitMs: number }
  /** Waits until the test calls `release(name)`. */
  | { waitFor: string }
  /** An error event mid-stream, as OpenAI sends it: `data: {"error": {...}}`. */
  | { errorEvent: string }
  /** Cuts the connection without `[DONE]`. */
  | { destroy: true }
  /** Never answers again (for timeouts). */
  | { hang: true };

export type FakeScript =
  | { steps: FakeStep[] }
  /** Answers before streaming with this HTTP status and an OpenAI error body. */
  | { status: number; message: string };

/** The request body the fake received. */
export interface FakeRequest {
  model: string;
  stream: boolean;
  messages: { role: string; content: string }[];
  authorization: string | undefined;
}

export interface FakeOpenAI {
  /** The base URL to configure, ending in `/v1`. */
  url: string;
  requests: FakeRequest[];
  enqueue(...scripts: FakeScript[]): void;
  /** Lets every stream waiting at `{ waitFor: name }` go on. */
  release(name: string): void;
  /** Resolves once a request was received (the count so far reached `count`). */
  waitForRequests(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface FakeOpenAIOptions {
  /** The script for a request when none is queued. @default two chunks, "Hello" and " there" */
  respond?: (request: FakeRequest) => FakeScript;
}

/** Splits text into chunks of `size` characters, each a step (optionally with a pause after it). */
export function chunked(text: string, size: number, waitMs = 0): FakeStep[] {
  const steps: FakeStep[] = [];
  for (let at = 0; at < text.length; at += size) {
    steps.push({ chunk: text.slice(at, at + size) });
    if (waitMs > 0) steps.push({ waitMs });
  }
  return steps;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const queue: FakeScript[] = [];
  const requests: FakeRequest[] = [];
  const gates = new Map<string, { open: boolean; waiters: (() => void)[] }>();
  const gate = (name: string) => {
    let entry = gates.get(name);
    if (!entry) gates.set(name, (entry = { open: false, waiters: [] }));
    return entry;
  };
  const respond = options.respond ?? (() => ({ steps: [{ chunk: 'Hello' }, { chunk: ' there' }] }));

  async function play(script: FakeScript, model: string, response: ServerResponse, closed: () => boolean): Promise<void> {
    if ('status' in script) {
      response.writeHead(script.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: script.message, type: 'fake_error', code: null } }));
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const id = `chatcmpl-${requests.length}`;
    const send = (delta: object, finish: string | null = null) =>
      response.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
    send({ role: 'assistant', content: '' });
    for (const step of script.steps) {
      if (closed()) return;
      if ('chunk' in step) send({ content: step.chunk });
      else if ('waitMs' in step) await sleep(step.waitMs);
      else if ('waitFor' in step) {
        const entry = gate(step.waitFor);
        if (!entry.open) await new Promise<void>((resolve) => entry.waiters.push(resolve));
      } else if ('errorEvent' in step) {
        response.end(`data: ${JSON.stringify({ error: { message: step.errorEvent, type: 'server_error', code: null } })}\n\n`);
        return;
      } else if ('destroy' in step) {
        response.destroy();
        return;
      } else return; // hang
    }
    if (closed()) return;
    send({}, 'stop');
    response.end('data: [DONE]\n\n');
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
        response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const body = JSON.parse(Buffer.concat(parts).toString('utf8')) as Omit<FakeRequest, 'authorization'>;
      const received: FakeRequest = { model: body.model, stream: body.stream, messages: body.messages, authorization: request.headers.authorization };
      requests.push(received);
      let isClosed = false;
      response.on('close', () => (isClosed = true));
      void play(queue.shift() ?? respond(received), body.model, response, () => isClosed);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const release = (name: string): void => {
    const entry = gate(name);
    entry.open = true;
    for (const wake of entry.waiters.splice(0)) wake();
  };

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...scripts) => void queue.push(...scripts),
    release,
    async waitForRequests(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        if (Date.now() > deadline) throw new Error(`the fake provider got ${requests.length} requests, not ${count}`);
        await sleep(10);
      }
    },
    close() {
      for (const name of gates.keys()) release(name);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
