import { createServer, type Server, type Socket } from 'node:net';

/** A TCP proxy in front of a real database or Redis, whose link a test can cut and restore. */
export interface TcpProxy {
  /** The proxy's own port on 127.0.0.1. */
  readonly port: number;
  /** Drops every open connection and refuses new ones (connection refused), as if the server went away. */
  cut(): Promise<void>;
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = (): Promise<void> => {
    const listening = createServer((client) => {
      const upstream = new (client.constructor as typeof Socket)();
      for (const socket of [client, upstream]) {
        open.add(socket);
        socket.on('close', () => open.delete(socket));
        socket.on('error', () => undefined);
      }
      upstream.connect(targetPort, targetHost);
      client.pipe(upstream).pipe(client);
    });
    server = listening;
    return new Promise((resolve) => listening.listen(port, '127.0.0.1', () => {
      port = (listening.address() as { port: number }).port;
      resolve();
    }));
  };
  const stop = async (): Promise<void> => {
    for (const socket of open) socket.destroy();
    const closing = server;
    server = null;
    if (closing) await new Promise((resolve) => closing.close(resolve));
  };
  await listen();
  return {
    get port() {
      return port;
    },
    cut: stop,
    restore: listen,
    close: stop,
  };
}
