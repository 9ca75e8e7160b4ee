import { connect, createServer, type Socket } from 'node:net';

export interface MysqlQueryLog {
  /** The database URL to give the app: the same database, through the log. */
  url: string;
  /** Every SQL text the app sent (COM_QUERY), oldest first; clear it with `queries.length = 0`. */
  queries: string[];
  stop(): Promise<void>;
}

const COM_QUERY = 0x03;

/**
 * A TCP relay in front of MySQL/MariaDB that records the statements an app sends (plain-text
 * protocol, no TLS), so black-box tests can EXPLAIN exactly what the app runs.
 */
export async function startMysqlQueryLog(databaseUrl: string): Promise<MysqlQueryLog> {
  const target = new URL(databaseUrl);
  const queries: string[] = [];
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 3306), target.hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => undefined);
    }
    let buffered = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 4) {
        const length = buffered.readUIntLE(0, 3);
        if (buffered.length < 4 + length) break;
        if (buffered[4] === COM_QUERY) queries.push(buffered.subarray(5, 4 + length).toString('utf8'));
        buffered = buffered.subarray(4 + length);
      }
    });
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as { port: number }).port);
  return {
    url: url.href,
    queries,
    stop: () =>
      new Promise((resolve) => {
        open.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}
