import { ApiMetrics } from '@steward/api-metrics-util';
import { RedisConnection } from '@steward/api-redis-data-access';
import { randomUUID } from 'node:crypto';
import { RedisReadCache } from './redis-read-cache';

/** The machine's Redis (tests use the real server, never a fake). */
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe('RedisReadCache', () => {
  const connections: RedisConnection[] = [];
  let namespace: string;

  /** One API instance's cache, on its own connection. */
  async function instance(url = REDIS_URL, waitMs?: number) {
    const metrics = new ApiMetrics({ processMetrics: false });
    const redis = new RedisConnection(url, metrics);
    connections.push(redis);
    await redis.connect(waitMs);
    const fallbacks = async () =>
      (await metrics.redisFallbacks.get()).values.find((value) => value.labels['use'] === 'read_cache')?.value ?? 0;
    return { cache: new RedisReadCache<{ name: string }>(redis, namespace, 10_000), fallbacks };
  }

  /** An upstream that counts its calls and answers `current`. */
  function upstream(initial: string) {
    const state = { current: initial, calls: 0 };
    const load = async () => {
      state.calls++;
      return { name: state.current };
    };
    return { state, load };
  }

  beforeEach(() => (namespace = `steward:test-cache:${randomUUID()}`));
  afterEach(async () => {
    await Promise.all(connections.splice(0).map((redis) => redis.close()));
  });

  describe('get', () => {
    it('should serve every instance from one upstream read', async () => {
      const [one, two] = [await instance(), await instance()];
      const { state, load } = upstream('Ann');
      expect(await one.cache.get('u1', load)).toEqual({ name: 'Ann' });
      await new Promise((resolve) => setTimeout(resolve, 50)); // the fill is not awaited by the reader
      expect(await two.cache.get('u1', load)).toEqual({ name: 'Ann' });
      expect(state.calls).toBe(1);
    });

    it('should share one upstream read between concurrent misses of an instance', async () => {
      const { cache } = await instance();
      const { state, load } = upstream('Ann');
      await Promise.all([cache.get('u1', load), cache.get('u1', load), cache.get('u1', load)]);
      expect(state.calls).toBe(1);
    });
  });

  describe('delete', () => {
    it('should invalidate the value for every instance', async () => {
      const [one, two] = [await instance(), await instance()];
      const { state, load } = upstream('Ann');
      await one.cache.get('u1', load);
      await new Promise((resolve) => setTimeout(resolve, 50));
      state.current = 'Anna';
      await two.cache.delete('u1');
      expect(await one.cache.get('u1', load)).toEqual({ name: 'Anna' });
    });

    it('should never let a read that began before a write put the old value back', async () => {
      const [reader, writer] = [await instance(), await instance()];
      let release: () => void = () => undefined;
      const slowOldRead = () =>
        new Promise<{ name: string }>((resolve) => (release = () => resolve({ name: 'before the write' })));
      const pending = reader.cache.get('u1', slowOldRead);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await writer.cache.delete('u1');
      release();
      expect(await pending).toEqual({ name: 'before the write' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const { state, load } = upstream('after the write');
      expect(await writer.cache.get('u1', load)).toEqual({ name: 'after the write' });
      expect(state.calls).toBe(1);
    });
  });

  describe('with Redis unreachable', () => {
    it('should cache in this instance and count the fallbacks', async () => {
      const { cache, fallbacks } = await instance('redis://127.0.0.1:1', 100);
      const { state, load } = upstream('Ann');
      await cache.get('u1', load);
      await cache.get('u1', load);
      expect(state.calls).toBe(1);
      expect(await fallbacks()).toBe(2);
    });
  });
});
