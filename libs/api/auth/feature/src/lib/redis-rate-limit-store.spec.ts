import { ApiMetrics } from '@steward/api-metrics-util';
import { RedisConnection } from '@steward/api-redis-data-access';
import { randomUUID } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { InMemoryRateLimitStorage } from './rate-limit-storage';
import { RedisRateLimitStore } from './redis-rate-limit-store';

/** The machine's Redis (tests use the real server, never a fake). */
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const MINUTE = 60_000;

function instance(url = REDIS_URL) {
  const metrics = new ApiMetrics({ processMetrics: false });
  const redis = new RedisConnection(url, metrics);
  const store = new RedisRateLimitStore(redis, new InMemoryRateLimitStorage({ maxKeys: 100 }));
  const fallbacks = async () =>
    (await metrics.redisFallbacks.get()).values.find((value) => value.labels['use'] === 'rate_limit')?.value ?? 0;
  return { redis, store, fallbacks };
}

/** Resolves a store's answer, whether it came at once or as a promise. */
const hit = async (store: RedisRateLimitStore, key: string, limit: number, blockDuration = MINUTE) =>
  store.hit(key, MINUTE, limit, blockDuration, 'user');

/** A TCP proxy in front of Redis that can stop forwarding while keeping the connections open: a Redis that hangs. */
async function hangingProxy() {
  const target = new URL(REDIS_URL);
  const sockets = new Set<Socket>();
  let hanging = false;
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    client.on('data', (chunk) => hanging || upstream.write(chunk));
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `redis://127.0.0.1:${(server.address() as { port: number }).port}`,
    hang: () => (hanging = true),
    stop: () => {
      sockets.forEach((socket) => socket.destroy());
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('RedisRateLimitStore', () => {
  const running: RedisConnection[] = [];
  const start = (url?: string) => {
    const made = instance(url);
    running.push(made.redis);
    return made;
  };
  let key: string;

  beforeEach(() => (key = `user:Spec.route:${randomUUID()}`));
  afterEach(async () => {
    await Promise.all(running.splice(0).map((redis) => redis.close()));
  });

  describe('with Redis up', () => {
    it('should share one budget between instances: exactly `limit` hits pass, whichever instance counts them', async () => {
      const [one, two] = [start(), start()];
      await Promise.all([one.redis.connect(), two.redis.connect()]);
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => hit((i % 2 === 0 ? one : two).store, key, 6)),
      );
      expect(answers.filter((answer) => !answer.isBlocked)).toHaveLength(6);
      expect(answers.filter((answer) => answer.isBlocked)).toHaveLength(4);
      expect(await one.fallbacks()).toBe(0);
    });

    it('should block the key for blockDuration after the limit, on every instance', async () => {
      const [one, two] = [start(), start()];
      await Promise.all([one.redis.connect(), two.redis.connect()]);
      expect((await hit(one.store, key, 1, 5 * MINUTE)).isBlocked).toBe(false);
      const refused = await hit(one.store, key, 1, 5 * MINUTE);
      expect(refused).toMatchObject({ isBlocked: true, timeToBlockExpire: 300 });
      expect(await hit(two.store, key, 1, 5 * MINUTE)).toMatchObject({ isBlocked: true });
    });

    it('should keep one counter per key, expiring with its window', async () => {
      const { redis, store } = start();
      await redis.connect();
      await hit(store, key, 5);
      expect(await redis.client.get(`steward:rl:${key}`)).toBe('1');
      expect(await redis.client.pttl(`steward:rl:${key}`)).toBeGreaterThan(MINUTE - 5_000);
      expect(redis.key('rl')).toBe('steward:rl');
      expect(await hit(store, `${key}-other`, 5)).toMatchObject({ totalHits: 1, isBlocked: false });
    });
  });

  describe('with Redis unreachable', () => {
    let closedPort: Server;
    let url: string;

    beforeAll(async () => {
      // A port that accepts and closes at once, like a Redis that went away.
      closedPort = createServer((socket) => socket.destroy());
      await new Promise<void>((resolve) => closedPort.listen(0, '127.0.0.1', resolve));
      url = `redis://127.0.0.1:${(closedPort.address() as { port: number }).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => closedPort.close(() => resolve())));

    it('should count in process, answering at once, and count each fallback', async () => {
      const { redis, store, fallbacks } = start(url);
      await redis.connect(200);
      const answers = [1, 2, 3].map(() => store.hit(key, MINUTE, 2, MINUTE, 'user'));
      for (const answer of answers) expect(answer).not.toBeInstanceOf(Promise);
      expect(answers.map((answer) => (answer as { isBlocked: boolean }).isBlocked)).toEqual([false, false, true]);
      expect(await fallbacks()).toBe(3);
    });
  });

  describe('with Redis hanging', () => {
    it('should wait for one command timeout, then count in process at once for a while', async () => {
      const proxy = await hangingProxy();
      try {
        const { redis, store, fallbacks } = start(proxy.url);
        await redis.connect();
        proxy.hang();
        const started = Date.now();
        expect(await hit(store, key, 5)).toMatchObject({ isBlocked: false, totalHits: 1 });
        expect(Date.now() - started).toBeGreaterThanOrEqual(400);
        const next = store.hit(key, MINUTE, 5, MINUTE, 'user');
        expect(next).not.toBeInstanceOf(Promise);
        expect(next).toMatchObject({ isBlocked: false, totalHits: 2 });
        expect(redis.ready).toBe(false);
        expect(await fallbacks()).toBe(2);
      } finally {
        await proxy.stop();
      }
    });
  });
});
