import { Logger } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { JwksKeyStore } from './jwks-key-store';

const COOLDOWN_MS = 30_000;
const MAX_AGE_MS = 600_000;

function publicJwk(kid: string): JsonWebKey {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
}

/** A JWKS endpoint on 127.0.0.1 whose keys and status a test can change. */
class JwksServer {
  hits = 0;
  keys: JsonWebKey[] = [];
  status = 200;
  private readonly server: Server = createServer((_request, response) => {
    this.hits += 1;
    response.writeHead(this.status, { 'content-type': 'application/json' });
    response.end(this.status === 200 ? JSON.stringify({ keys: this.keys }) : '{"message":"down"}');
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/.well-known/jwks.json`;
  }

  async stop(): Promise<void> {
    if (!this.server.listening) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }
}

async function eventually(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('JwksKeyStore', () => {
  const keyA = publicJwk('key-a');
  const keyB = publicJwk('key-b');
  let server: JwksServer;
  let store: JwksKeyStore;
  let now: number;
  let warn: jest.SpyInstance;

  beforeEach(async () => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    server = new JwksServer();
    server.keys = [keyA];
    const jwksUri = await server.start();
    now = 1_000_000;
    store = new JwksKeyStore({ jwksUri, cooldownMs: COOLDOWN_MS, maxAgeMs: MAX_AGE_MS, timeoutMs: 2_000 }, () => now);
  });

  afterEach(async () => {
    await server.stop();
    warn.mockRestore();
  });

  describe('getKey', () => {
    it('should return a public KeyObject for a published kid', async () => {
      const key = await store.getKey('key-a');
      expect(key?.type).toBe('public');
      expect(key?.asymmetricKeyType).toBe('rsa');
      expect(key?.export({ format: 'jwk' })['n']).toBe(keyA.n);
      expect(store.hasKeys).toBe(true);
    });

    it('should parse keys once and answer later calls from the cache', async () => {
      const first = await store.getKey('key-a');
      now += COOLDOWN_MS * 2;
      const second = await store.getKey('key-a');
      expect(second).toBe(first);
      expect(server.hits).toBe(1);
    });

    it('should share one in-flight fetch among concurrent callers', async () => {
      const keys = await Promise.all(Array.from({ length: 10 }, () => store.getKey('key-a')));
      expect(server.hits).toBe(1);
      expect(new Set(keys).size).toBe(1);
      expect(keys[0]?.type).toBe('public');
    });

    it('should fetch at most once per cooldown for unknown kids', async () => {
      await store.getKey('key-a');
      now += COOLDOWN_MS;
      for (let i = 0; i < 50; i += 1) {
        await expect(store.getKey(`forged-${i}`)).resolves.toBeUndefined();
        now += 100;
      }
      expect(server.hits).toBe(2);
    });

    it('should not fetch for an unknown kid within the cooldown of the first fetch', async () => {
      await store.getKey('key-a');
      now += COOLDOWN_MS - 1;
      await expect(store.getKey('forged')).resolves.toBeUndefined();
      expect(server.hits).toBe(1);
    });

    it('should allow a new fetch once the cooldown has passed', async () => {
      await store.getKey('forged-1');
      now += COOLDOWN_MS;
      await store.getKey('forged-2');
      expect(server.hits).toBe(2);
    });

    it('should pick up a rotated key after the cooldown', async () => {
      await store.getKey('key-a');
      server.keys = [keyA, keyB];
      await expect(store.getKey('key-b')).resolves.toBeUndefined();
      now += COOLDOWN_MS;
      const key = await store.getKey('key-b');
      expect(key?.export({ format: 'jwk' })['n']).toBe(keyB.n);
      await expect(store.getKey('key-a')).resolves.toBeDefined();
    });

    it('should drop a key the issuer no longer publishes after a refresh', async () => {
      await store.getKey('key-a');
      server.keys = [keyB];
      now += COOLDOWN_MS;
      await expect(store.getKey('key-b')).resolves.toBeDefined();
      await expect(store.getKey('key-a')).resolves.toBeUndefined();
      expect(server.hits).toBe(2);
    });

    it('should not refetch for a known key younger than maxAge, even after the cooldown', async () => {
      await store.getKey('key-a');
      now += MAX_AGE_MS;
      await store.getKey('key-a');
      expect(server.hits).toBe(1);
    });

    it('should refresh a key older than maxAge in the background while still returning it', async () => {
      const original = await store.getKey('key-a');
      server.keys = [keyA, keyB];
      now += MAX_AGE_MS + 1;
      await expect(store.getKey('key-a')).resolves.toBe(original);
      await eventually(() => server.hits === 2);
      // Served by (or joining) the background fetch: the clock has not moved, so no new fetch is allowed.
      await expect(store.getKey('key-b')).resolves.toBeDefined();
      expect(server.hits).toBe(2);
    });
  });

  describe('knownKey', () => {
    it('should answer only keys already fetched, without fetching', async () => {
      expect(store.knownKey('key-a')).toBeUndefined();
      expect(server.hits).toBe(0);
      const key = await store.getKey('key-a');
      expect(store.knownKey('key-a')).toBe(key);
    });

    it('should keep the same KeyObject across refreshes while the issuer publishes it unchanged', async () => {
      const original = await store.getKey('key-a');
      server.keys = [keyA, keyB];
      now += COOLDOWN_MS;
      await store.getKey('key-b');
      expect(store.knownKey('key-a')).toBe(original);
    });

    it('should answer a new KeyObject when a kid is republished with another key', async () => {
      const original = await store.getKey('key-a');
      server.keys = [{ ...keyB, kid: 'key-a' }];
      now += COOLDOWN_MS;
      await store.getKey('key-unknown');
      expect(store.knownKey('key-a')).not.toBe(original);
      expect(store.knownKey('key-a')?.export({ format: 'jwk' })['n']).toBe(keyB.n);
    });
  });

  describe('when the issuer is unavailable', () => {
    it('should keep cached keys and answer unknown kids with undefined when the server is gone', async () => {
      const cached = await store.getKey('key-a');
      await server.stop();
      now += MAX_AGE_MS + 1;
      await expect(store.getKey('key-a')).resolves.toBe(cached);
      await expect(store.getKey('forged')).resolves.toBeUndefined();
      await expect(store.getKey('key-a')).resolves.toBe(cached);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('keeping 1 cached key(s)'));
    });

    it('should keep cached keys when the server answers 500', async () => {
      const cached = await store.getKey('key-a');
      server.status = 500;
      now += COOLDOWN_MS;
      await expect(store.getKey('forged')).resolves.toBeUndefined();
      expect(server.hits).toBe(2);
      await expect(store.getKey('key-a')).resolves.toBe(cached);
      expect(warn).toHaveBeenCalledTimes(1);
    });

    it('should answer undefined without throwing when the first fetch fails', async () => {
      server.status = 500;
      await expect(store.getKey('key-a')).resolves.toBeUndefined();
      expect(store.hasKeys).toBe(false);
    });
  });
});
