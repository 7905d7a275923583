import { connect, createServer, type Socket } from 'node:net';

/** A TCP front for several server nodes, as a Service or a reverse proxy is. */
export interface Balancer {
  url: string;
  close(): Promise<void>;
}

/**
 * Listens on a random loopback port and sends each new TCP connection to the first of `backends`
 * (`http://host:port`) that accepts it: while the first node runs every connection goes there, and
 * once it has stopped listening (drained) new connections land on the next one.
 */
export async function startBalancer(backends: string[]): Promise<Balancer> {
  const open = new Set<Socket>();
  const track = (socket: Socket): void => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };
  const forward = (client: Socket, index: number): void => {
    const target = backends[index];
    if (target === undefined || client.destroyed) return void client.destroy();
    const { hostname, port } = new URL(target);
    const upstream = connect(Number(port), hostname);
    // Refused (the node is gone): try the next one. Errors after connecting are handled below.
    upstream.once('error', () => {
      upstream.destroy();
      forward(client, index + 1);
    });
    upstream.once('connect', () => {
      upstream.removeAllListeners('error');
      track(upstream);
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      client.pipe(upstream).on('close', () => client.destroy());
      upstream.pipe(client);
      upstream.once('close', () => client.destroy());
      client.once('close', () => upstream.destroy());
      client.resume();
    });
  };
  const server = createServer({ pauseOnConnect: true }, (client) => {
    track(client);
    forward(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('balancer not listening');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
