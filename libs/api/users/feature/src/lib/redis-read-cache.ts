import type { RedisConnection } from '@steward/api-redis-data-access';
import { TtlCache, type ReadCache } from './ttl-cache';

/** What a write leaves in place of a value: nothing read before the write may be cached until it expires. */
const INVALIDATED = '!invalidated';

/**
 * A read cache in Redis, shared by every instance (REDIS_URL): a Management API answer read by
 * one instance serves the others, and a write through any instance invalidates it for all.
 *
 * A write replaces the value with a marker for the cache's time to live, before and after the
 * upstream write, and readers fill the cache only where nothing is (SET NX): a read that started
 * before the write can never put the old value back. Concurrent misses on one instance share one
 * upstream load. Values are JSON.
 *
 * While Redis is unreachable, reads and writes use this instance's own TtlCache (counted as
 * fallbacks): each instance then invalidates only its own copies, which expire within the TTL.
 */
export class RedisReadCache<T> implements ReadCache<T> {
  private readonly loading = new Map<string, Promise<T>>();
  private readonly local: TtlCache<T>;

  constructor(
    private readonly redis: RedisConnection,
    /** Key prefix, e.g. `steward:cache:users`. */
    private readonly namespace: string,
    private readonly ttlMs: number,
  ) {
    this.local = new TtlCache<T>(ttlMs);
  }

  get(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.redis.ready) return this.fallBack(key, load, false);
    let value = this.loading.get(key);
    if (value === undefined) {
      value = this.read(key, load).finally(() => this.loading.delete(key));
      this.loading.set(key, value);
    }
    return value;
  }

  /** Loads `key` upstream and stores it for every instance, whatever is cached (for a value known to be stale). */
  async refresh(key: string, load: () => Promise<T>): Promise<T> {
    const value = await load();
    this.local.delete(key);
    if (!this.redis.ready) return value;
    await this.redis.client
      .set(this.keyOf(key), JSON.stringify(value), 'PX', this.ttlMs)
      .catch(() => this.redis.fallback('read_cache', true));
    return value;
  }

  async delete(key: string): Promise<void> {
    this.local.delete(key);
    if (!this.redis.ready) return this.redis.fallback('read_cache');
    await this.redis.client
      .set(this.keyOf(key), INVALIDATED, 'PX', this.ttlMs)
      .catch(() => this.redis.fallback('read_cache', true));
  }

  private async read(key: string, load: () => Promise<T>): Promise<T> {
    const redisKey = this.keyOf(key);
    let cached: string | null;
    try {
      cached = await this.redis.client.get(redisKey);
    } catch {
      return this.fallBack(key, load, true);
    }
    if (cached !== null && cached !== INVALIDATED) return JSON.parse(cached) as T;
    const value = await load();
    if (cached === null) {
      this.redis.client
        .set(redisKey, JSON.stringify(value), 'PX', this.ttlMs, 'NX')
        .catch(() => this.redis.fallback('read_cache', true));
    }
    return value;
  }

  private fallBack(key: string, load: () => Promise<T>, failed: boolean): Promise<T> {
    this.redis.fallback('read_cache', failed);
    return this.local.get(key, load);
  }

  private keyOf(key: string): string {
    return `${this.namespace}:${key}`;
  }
}
