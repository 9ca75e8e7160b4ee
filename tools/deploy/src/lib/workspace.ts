import { createServer } from 'node:net';
import { join } from 'node:path';

/** The repository root (this file is tools/deploy/src/lib/workspace.ts). */
export const WORKSPACE_ROOT = join(__dirname, '../../../..');

export const fromRoot = (...parts: string[]): string => join(WORKSPACE_ROOT, ...parts);

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
