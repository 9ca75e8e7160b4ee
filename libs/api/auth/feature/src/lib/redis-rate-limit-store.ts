import type { RedisConnection } from '@steward/api-redis-data-access';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitStore, type InMemoryRateLimitStorage, type RateLimitRecord } from './rate-limit-storage';

/**
 * Rate-limit counters shared by every instance, in Redis (REDIS_URL), through rate-limiter-flexible's
 * RateLimiterRedis: each hit is one Lua script (SET NX with expiry, INCRBY, PTTL) run atomically by
 * Redis, O(1) whatever the limit; the request that crosses the limit also writes the block (one SET
 * with the block's expiry). Semantics match the in-process store: the first `limit` hits of a window
 * pass, the next one blocks the key for `blockDuration` (or until the window ends when 0). Windows
 * and blocks are counted in whole seconds, rounded up.
 *
 * While Redis is unreachable (or a command fails or times out) the hit is counted by `local`, this
 * instance's own store, at once and without a promise; each such hit is counted as a fallback. When
 * Redis is back, the shared counters are used again.
 */
export class RedisRateLimitStore extends RateLimitStore {
  /** One limiter per (window, limit, block): routes share them, and they never change after boot. */
  private readonly limiters = new Map<number, Map<number, Map<number, RateLimiterRedis>>>();

  constructor(
    private readonly redis: RedisConnection,
    private readonly local: InMemoryRateLimitStorage,
  ) {
    super();
  }

  hit(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): RateLimitRecord | Promise<RateLimitRecord> {
    if (!this.redis.ready) return this.fallBack(key, ttl, limit, blockDuration, throttlerName);
    return this.limiter(ttl, limit, blockDuration)
      .consume(key)
      .then(
        (result) => toRecord(result, false),
        (rejection: unknown) =>
          rejection instanceof RateLimiterRes
            ? toRecord(rejection, true)
            : this.fallBack(key, ttl, limit, blockDuration, throttlerName, true),
      );
  }

  private fallBack(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    name: string,
    failed = false,
  ): RateLimitRecord {
    this.redis.fallback('rate_limit', failed);
    return this.local.hit(key, ttl, limit, blockDuration, name);
  }

  private limiter(ttl: number, limit: number, blockDuration: number): RateLimiterRedis {
    return this.limiters.get(ttl)?.get(limit)?.get(blockDuration) ?? this.addLimiter(ttl, limit, blockDuration);
  }

  private addLimiter(ttl: number, limit: number, blockDuration: number): RateLimiterRedis {
    const limiter = new RateLimiterRedis({
      storeClient: this.redis.client,
      keyPrefix: this.redis.key('rl'),
      points: limit,
      duration: Math.max(1, Math.ceil(ttl / 1000)),
      blockDuration: Math.ceil(blockDuration / 1000),
      // Not ready → an error at once (then the local store), never a queued command.
      rejectIfRedisNotReady: true,
    });
    let byLimit = this.limiters.get(ttl);
    if (byLimit === undefined) this.limiters.set(ttl, (byLimit = new Map()));
    let byBlock = byLimit.get(limit);
    if (byBlock === undefined) byLimit.set(limit, (byBlock = new Map()));
    byBlock.set(blockDuration, limiter);
    return limiter;
  }
}

function toRecord(result: RateLimiterRes, isBlocked: boolean): RateLimitRecord {
  const seconds = Math.ceil(result.msBeforeNext / 1000);
  return {
    totalHits: result.consumedPoints,
    timeToExpire: seconds,
    isBlocked,
    timeToBlockExpire: isBlocked ? seconds : 0,
  };
}
