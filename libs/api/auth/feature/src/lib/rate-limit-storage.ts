import type { ThrottlerStorage } from '@nestjs/throttler';

/** @nestjs/throttler's answer to one hit: counts, and times in seconds. */
export type RateLimitRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Where the rate-limit counters live (the DI token AccessGuard asks for). The contract is
 * @nestjs/throttler's `ThrottlerStorage.increment(key, ttl, limit, blockDuration, throttlerName)`,
 * times in milliseconds in and seconds out, except that an in-process store may answer at once
 * instead of with a promise; a shared store (e.g. Redis, for many instances) answers with one.
 */
export abstract class RateLimitStore {
  abstract hit(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): RateLimitRecord | Promise<RateLimitRecord>;
}

interface Window {
  /** End of the current window (ms since the epoch). */
  endsAt: number;
  hits: number;
  /** 0 when not blocked. */
  blockedUntil: number;
}

export interface InMemoryRateLimitStorageOptions {
  /** Most keys kept per throttler; beyond it the oldest window is dropped (its caller starts afresh). */
  maxKeys: number;
  now?: () => number;
}

/**
 * A fixed-window counter per key: one small record per caller and route, whatever the limit, so
 * a check costs O(1) in time and memory (the stock storage keeps one timestamp per hit and filters
 * them all on every request). Records sit in a Map in the order their windows began, so expired
 * ones are found at the front and dropped a few at a time as new windows open; `maxKeys` bounds
 * the rest.
 *
 * Semantics match the stock storage: the first `limit` hits of a window pass; the next one blocks
 * the key for `blockDuration` (when positive; otherwise only for the rest of the window).
 */
export class InMemoryRateLimitStorage extends RateLimitStore implements ThrottlerStorage {
  private readonly throttlers = new Map<string, Map<string, Window>>();
  private readonly now: () => number;

  constructor(private readonly options: InMemoryRateLimitStorageOptions = { maxKeys: 100_000 }) {
    super();
    this.now = options.now ?? Date.now;
  }

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<RateLimitRecord> {
    return Promise.resolve(this.hit(key, ttl, limit, blockDuration, throttlerName));
  }

  /** `increment`, answered at once. */
  hit(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): RateLimitRecord {
    const now = this.now();
    const windows = this.windowsOf(throttlerName);
    let window = windows.get(key);
    if (window !== undefined && window.blockedUntil > now) {
      return record(window, now, true);
    }
    if (window === undefined || window.endsAt <= now || window.blockedUntil !== 0) {
      // A new window (or the end of a block): re-inserted so that the Map stays in start order.
      if (window !== undefined) windows.delete(key);
      else this.makeRoom(windows, now);
      window = { endsAt: now + ttl, hits: 0, blockedUntil: 0 };
      windows.set(key, window);
    }
    if (window.hits >= limit) {
      if (blockDuration > 0) window.blockedUntil = now + blockDuration;
      return record(window, now, true);
    }
    window.hits++;
    return record(window, now, false);
  }

  /** Keys currently held for `throttlerName` (for tests and metrics). */
  size(throttlerName: string): number {
    return this.throttlers.get(throttlerName)?.size ?? 0;
  }

  private windowsOf(throttlerName: string): Map<string, Window> {
    let windows = this.throttlers.get(throttlerName);
    if (windows === undefined) {
      windows = new Map();
      this.throttlers.set(throttlerName, windows);
    }
    return windows;
  }

  /** Drops up to two expired windows from the front, and the oldest one when the Map is full. */
  private makeRoom(windows: Map<string, Window>, now: number): void {
    for (let dropped = 0; dropped < 2 && windows.size > 0; dropped++) {
      const [oldestKey, oldest] = windows.entries().next().value as [string, Window];
      const expired = oldest.endsAt <= now && oldest.blockedUntil <= now;
      if (!expired && windows.size < this.options.maxKeys) return;
      windows.delete(oldestKey);
    }
  }
}

function record(window: Window, now: number, isBlocked: boolean): RateLimitRecord {
  const blockedUntil = window.blockedUntil > now ? window.blockedUntil : window.endsAt;
  return {
    totalHits: isBlocked ? window.hits + 1 : window.hits,
    timeToExpire: Math.ceil((window.endsAt - now) / 1000),
    isBlocked,
    timeToBlockExpire: isBlocked ? Math.ceil((blockedUntil - now) / 1000) : 0,
  };
}
