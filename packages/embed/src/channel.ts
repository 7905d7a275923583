import { EMBED_PROTOCOL_VERSION, isEmbedMessage, type EmbedError, type EmbedMessage } from './protocol.js';

/** A request/response and event channel over a MessagePort. */
export interface PortChannel {
  /** Calls a method on the other side; rejects with its EmbedError, or TIMEOUT after `timeoutMs`. */
  request<T = unknown>(method: string, ...params: unknown[]): Promise<T>;
  /** Sends an event to the other side. */
  emit(event: string, payload?: unknown): void;
  /** Closes the port; pending requests reject with DESTROYED. */
  close(): void;
}

export type MethodTable = Record<string, (...params: never[]) => unknown>;

const fail = (code: string, message: string): EmbedError => ({ code, message });

/**
 * Wraps a MessagePort: answers `methods` for the other side, forwards its events to `onEvent`, and
 * sends requests with ids that time out.
 */
export function createPortChannel(
  port: MessagePort,
  methods: MethodTable,
  onEvent: (event: string, payload: unknown) => void,
  timeoutMs = 10_000,
): PortChannel {
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: EmbedError): void; timer: ReturnType<typeof setTimeout> }>();
  const post = (message: EmbedMessage) => port.postMessage(message);

  port.onmessage = async ({ data }: MessageEvent) => {
    if (!isEmbedMessage(data)) return;
    if (data.type === 'confab:event') onEvent(data.event, data.payload);
    if (data.type === 'confab:response') {
      const call = pending.get(data.id);
      if (!call) return;
      pending.delete(data.id);
      clearTimeout(call.timer);
      if (data.error) call.reject(data.error);
      else call.resolve(data.result);
    }
    if (data.type === 'confab:request') {
      const method = Object.hasOwn(methods, data.method) ? methods[data.method] : undefined;
      const reply = { type: 'confab:response', v: EMBED_PROTOCOL_VERSION, id: data.id } as const;
      try {
        if (!method) throw fail('NOT_FOUND', `Unknown method ${data.method}`);
        post({ ...reply, result: await method(...(data.params as never[])) });
      } catch (error) {
        const { code, message } = error as Partial<EmbedError>;
        post({ ...reply, error: fail(typeof code === 'string' ? code : 'INTERNAL', String(message ?? error)) });
      }
    }
  };

  return {
    request: (method, ...params) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(fail('TIMEOUT', `${method}: no answer within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
        post({ type: 'confab:request', v: EMBED_PROTOCOL_VERSION, id, method, params });
      }),
    emit: (event, payload = {}) => post({ type: 'confab:event', v: EMBED_PROTOCOL_VERSION, event, payload }),
    close() {
      for (const call of pending.values()) {
        clearTimeout(call.timer);
        call.reject(fail('DESTROYED', 'The widget was destroyed'));
      }
      pending.clear();
      port.close();
    },
  };
}
