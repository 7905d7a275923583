import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientMsgId, connect, emitWithAck, friendPair, startServer, type TestServer } from './helpers.js';

/** The value of one sample line of the Prometheus text, or undefined when absent. */
function sample(text: string, line: string): number | undefined {
  const found = text.split('\n').find((row) => row.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

describe('GET /metrics', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startServer();
  });
  afterAll(() => t.stop());

  it('counts connections, messages, acks by outcome, errors by code, ack and HTTP latencies, and process metrics', async () => {
    const { alice, conversationId } = await friendPair(t.url);
    const socket = await connect(t.url, alice.token);
    for (let i = 0; i < 3; i++) {
      expect(await emitWithAck(socket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { text: `m${i}` } })).toMatchObject({ ok: true });
    }
    expect(await emitWithAck(socket, 'message:send', { conversationId, type: 'text' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await fetch(`${t.url}/api/v1/me`)).status).toBe(401);

    const response = await fetch(`${t.url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(sample(text, 'confab_socket_connections')).toBe(1);
    expect(sample(text, 'confab_messages_total{type="text"}')).toBe(3);
    expect(sample(text, 'confab_socket_acks_total{event="message:send",outcome="ok"}')).toBe(3);
    expect(sample(text, 'confab_socket_acks_total{event="message:send",outcome="error"}')).toBe(1);
    expect(sample(text, 'confab_errors_total{code="VALIDATION",via="socket"}')).toBe(1);
    expect(sample(text, 'confab_errors_total{code="UNAUTHORIZED",via="http"}')).toBe(1);
    expect(sample(text, 'confab_socket_ack_seconds_count{event="message:send"}')).toBe(4);
    // Routes are labelled by pattern, so ids never make new series.
    expect(sample(text, 'confab_http_request_duration_seconds_count{method="POST",route="/api/v1/requests/:id/accept",status="200"}')).toBe(1);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
  });
});

describe('GET /metrics on a port of its own (--metrics-port)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startServer(['--metrics-port', '0']);
  });
  afterAll(() => t.stop());

  it('is served there only: the main port, which a proxy or Ingress exposes, answers 404', async () => {
    const metricsUrl = t.server.metricsUrl as string;
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(metricsUrl).not.toBe(t.url);
    const { alice } = await friendPair(t.url);
    await connect(t.url, alice.token);

    const response = await fetch(`${metricsUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(sample(await response.text(), 'confab_socket_connections')).toBe(1);
    expect((await fetch(`${t.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${metricsUrl}/api/v1/healthz`)).status).toBe(404);
  });
});
