import { createServer, connect, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Down: every open connection is cut and new ones are closed at once, as when a server dies. */
  setAvailable(available: boolean): void;
  stop(): Promise<void>;
}

/** A TCP proxy on a free local port in front of `target`, to take a dependency down and back up in tests. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let available = true;
  const server = createServer((client) => {
    if (!available) {
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const cutAll = () => open.forEach((socket) => socket.destroy());
  return {
    port: (server.address() as { port: number }).port,
    setAvailable: (value) => {
      available = value;
      if (!value) cutAll();
    },
    stop: () =>
      new Promise((resolve) => {
        cutAll();
        server.close(() => resolve());
      }),
  };
}
