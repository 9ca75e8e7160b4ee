import { ApiMetrics } from '@steward/api-metrics-util';
import { randomUUID } from 'node:crypto';
import { RedisConnection } from './redis-connection';

/** The machine's Redis (tests use the real server, never a fake). */
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe('RedisConnection', () => {
  const connections: RedisConnection[] = [];
  const open = (url = REDIS_URL, namespace = `steward:test:${randomUUID()}`) => {
    const metrics = new ApiMetrics({ processMetrics: false });
    const redis = new RedisConnection(url, metrics, namespace);
    connections.push(redis);
    return { redis, metrics };
  };
  afterEach(async () => {
    await Promise.all(connections.splice(0).map((redis) => redis.close()));
  });

  it('should be ready once connected, and export steward_redis_up', async () => {
    const { redis, metrics } = open();
    await redis.connect();
    expect(redis.ready).toBe(true);
    expect(redis.unavailableSince).toBeUndefined();
    expect(await metrics.text()).toContain('steward_redis_up 1');
  });

  it('should name keys in its namespace', () => {
    expect(open(REDIS_URL, 'steward:abc').redis.key('rl')).toBe('steward:abc:rl');
  });

  it('should deliver what one instance publishes to every subscriber', async () => {
    const namespace = `steward:test:${randomUUID()}`;
    const [one, two] = [open(REDIS_URL, namespace).redis, open(REDIS_URL, namespace).redis];
    await Promise.all([one.connect(), two.connect()]);
    const heard = new Promise<string>((resolve) => two.subscribe(two.key('news'), resolve));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await one.publish(one.key('news'), 'hello')).toBe(true);
    expect(await heard).toBe('hello');
  });

  it('should fail fast, not queue, while Redis is unreachable, and say since when', async () => {
    const { redis, metrics } = open('redis://127.0.0.1:1');
    await redis.connect(100);
    expect(redis.ready).toBe(false);
    expect(redis.unavailableSince).toBeLessThanOrEqual(Date.now());
    expect(await redis.publish(redis.key('news'), 'lost')).toBe(false);
    await expect(redis.client.get('x')).rejects.toThrow();
    redis.fallback('rate_limit');
    const text = await metrics.text();
    expect(text).toContain('steward_redis_up 0');
    expect(text).toContain('steward_redis_fallbacks_total{use="rate_limit"} 1');
  });
});
