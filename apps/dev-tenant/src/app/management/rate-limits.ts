import type { RequestHandler, Response } from 'express';
import { ManagementApiError, sendManagementError } from './management-errors';

/** What one request left in the bucket, as Auth0's `x-ratelimit-*` headers tell it. */
export interface RateLimitState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** UTC epoch seconds: when the bucket is full again, or, when empty, when the next request fits. */
  reset: number;
}

/** A token bucket: `capacity` requests at once, refilled continuously at `refillPerSecond`. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly capacity: number,
    readonly refillPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(capacity >= 1) || !(refillPerSecond > 0))
      throw new Error('rate limit: capacity must be ≥ 1 and the refill rate > 0');
    this.tokens = capacity;
    this.updatedAt = now();
  }

  /** Takes one token if there is one. */
  take(): RateLimitState {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.refillPerSecond);
    this.updatedAt = now;
    const allowed = this.tokens >= 1;
    if (allowed) this.tokens -= 1;
    const missing = allowed ? this.capacity - this.tokens : 1 - this.tokens;
    return {
      allowed,
      limit: this.capacity,
      remaining: Math.floor(this.tokens),
      reset: Math.ceil((now + (missing / this.refillPerSecond) * 1000) / 1000),
    };
  }
}

/** Sets Auth0's rate-limit headers. */
export function setRateLimitHeaders(res: Response, state: Pick<RateLimitState, 'limit' | 'remaining' | 'reset'>): void {
  res.set({
    'x-ratelimit-limit': String(state.limit),
    'x-ratelimit-remaining': String(state.remaining),
    'x-ratelimit-reset': String(state.reset),
  });
}

/** Auth0's 429 body when the bucket is empty. */
export function tooManyRequests(): ManagementApiError {
  return new ManagementApiError(429, 'Global limit has been reached', 'too_many_requests');
}

/** Every /api/v2 response carries the headers; an empty bucket answers 429 like Auth0. */
export function rateLimiter(bucket: TokenBucket): RequestHandler {
  return (_req, res, next) => {
    const state = bucket.take();
    setRateLimitHeaders(res, state);
    if (!state.allowed) return sendManagementError(res, tooManyRequests());
    next();
  };
}
