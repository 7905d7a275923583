import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds buckets from 1 ms to 10 s: acks and HTTP requests on loopback sit at the low end. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];

/**
 * The Prometheus metrics of one server (its own registry, so several servers in one process stay
 * apart), served at `GET /metrics`. Names start with `confab_`; Node's process metrics are included.
 */
export function createMetrics(readConnections: () => number) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'confab_socket_connections',
    help: 'socket.io connections open on this node',
    registers: [registry],
    collect() {
      this.set(readConnections());
    },
  });
  const messages = new Counter({ name: 'confab_messages_total', help: 'messages accepted from clients (acked ok), by type', labelNames: ['type'], registers: [registry] });
  const acks = new Counter({ name: 'confab_socket_acks_total', help: 'socket event acks sent, by event and outcome (ok or error)', labelNames: ['event', 'outcome'], registers: [registry] });
  const ackSeconds = new Histogram({ name: 'confab_socket_ack_seconds', help: 'time from receiving a socket event to its ack', labelNames: ['event'], buckets: LATENCY_BUCKETS, registers: [registry] });
  const errors = new Counter({ name: 'confab_errors_total', help: 'errors answered to clients (REST and socket acks), by wire code', labelNames: ['code', 'via'], registers: [registry] });
  const httpSeconds = new Histogram({
    name: 'confab_http_request_duration_seconds',
    help: 'HTTP request durations, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return {
    registry,
    /** One acked socket event: its duration and its outcome (an error's code, a message's type). */
    ack(event: string, seconds: number, response: { ok: boolean; error?: { code: string }; message?: { type?: string } }): void {
      acks.inc({ event, outcome: response.ok ? 'ok' : 'error' });
      ackSeconds.observe({ event }, seconds);
      if (!response.ok && response.error) errors.inc({ code: response.error.code, via: 'socket' });
      if (response.ok && event === 'message:send' && response.message?.type) messages.inc({ type: response.message.type });
    },
    /** One finished HTTP request; `errorCode` when it answered an error body. */
    http(method: string, route: string, status: number, seconds: number, errorCode: string | null): void {
      httpSeconds.observe({ method, route, status: String(status) }, seconds);
      if (errorCode) errors.inc({ code: errorCode, via: 'http' });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
