import { Injectable, type ExecutionContext } from '@nestjs/common';
import {
  ThrottlerGuard,
  type ThrottlerGenerateKeyFunction,
  type ThrottlerGetTrackerFunction,
  type ThrottlerLimitDetail,
  type ThrottlerOptions,
} from '@nestjs/throttler';
import { ProblemException } from '@steward/api-core-util';
import type { AuthenticatedUser } from './authenticated-user';
import { HandlerCache } from './handler-cache';

/** Names of the two request budgets: per client address (before authentication) and per user (after). */
export const RATE_LIMITS = { ip: 'ip', user: 'user' } as const;

// @nestjs/throttler's metadata keys (its decorators write them; it does not export the names).
const SKIP = 'THROTTLER:SKIP';
const LIMIT = 'THROTTLER:LIMIT';
const TTL = 'THROTTLER:TTL';
const BLOCK_DURATION = 'THROTTLER:BLOCK_DURATION';
const TRACKER = 'THROTTLER:TRACKER';
const KEY_GENERATOR = 'THROTTLER:KEY_GENERATOR';

type Resolvable = ThrottlerOptions['limit'];

/** What `@Throttle`/`@SkipThrottle` and the module options say about one route, for one budget. */
interface RouteBudget {
  throttler: ThrottlerOptions;
  limit: Resolvable;
  ttl: Resolvable;
  blockDuration: Resolvable | undefined;
  getTracker: ThrottlerGetTrackerFunction;
  generateKey: ThrottlerGenerateKeyFunction;
}

/**
 * One budget of @nestjs/throttler's guard. The stock `canActivate` walks every configured
 * throttler with ten metadata lookups each, on every request; this one reads the route's
 * metadata for its own budget once per handler and then only counts the hit.
 */
abstract class BudgetGuard extends ThrottlerGuard {
  protected abstract readonly budget: string;
  private readonly routes = new HandlerCache<RouteBudget | null>();

  private readonly readRoute = (context: ExecutionContext) => this.routeBudget(context);

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const route = this.routes.get(context, this.readRoute);
    if (route === null) return true;
    const skipIf = route.throttler.skipIf ?? this.commonOptions.skipIf;
    if (skipIf?.(context)) return true;
    // Plain numbers (the usual case) are used as they are: no promise, no extra tick.
    const limit = typeof route.limit === 'number' ? route.limit : await resolve(route.limit, context);
    const ttl = typeof route.ttl === 'number' ? route.ttl : await resolve(route.ttl, context);
    const blockDuration =
      route.blockDuration === undefined
        ? ttl
        : typeof route.blockDuration === 'number'
          ? route.blockDuration
          : await resolve(route.blockDuration, context);
    return this.handleRequest({ ...route, context, limit, ttl, blockDuration });
  }

  /** A readable key instead of the stock SHA-256 of the same text: the storage bounds how many it keeps. */
  protected override generateKey(context: ExecutionContext, tracker: string, name: string): string {
    return `${context.getClass().name}-${context.getHandler().name}-${name}-${tracker}`;
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    throw new ProblemException(
      429,
      { detail: `Too many requests; try again in ${seconds} s.` },
      { 'Retry-After': String(seconds) },
    );
  }

  private routeBudget(context: ExecutionContext): RouteBudget | null {
    const throttler = this.throttlers.find(({ name }) => name === this.budget);
    if (throttler === undefined) return null;
    const targets = [context.getHandler(), context.getClass()];
    const read = <T>(key: string) => this.reflector.getAllAndOverride<T | undefined>(key + this.budget, targets);
    if (read<boolean>(SKIP)) return null;
    return {
      throttler,
      limit: read<Resolvable>(LIMIT) ?? throttler.limit,
      ttl: read<Resolvable>(TTL) ?? throttler.ttl,
      blockDuration: read<Resolvable>(BLOCK_DURATION) ?? throttler.blockDuration,
      getTracker:
        read<ThrottlerGetTrackerFunction>(TRACKER) ??
        throttler.getTracker ??
        (this.commonOptions.getTracker as ThrottlerGetTrackerFunction),
      generateKey:
        read<ThrottlerGenerateKeyFunction>(KEY_GENERATOR) ??
        throttler.generateKey ??
        (this.commonOptions.generateKey as ThrottlerGenerateKeyFunction),
    };
  }
}

async function resolve(value: Resolvable, context: ExecutionContext): Promise<number> {
  const resolved = typeof value === 'function' ? await value(context) : value;
  const number = typeof resolved === 'string' ? Number(resolved) : resolved;
  if (typeof number !== 'number' || Number.isNaN(number)) throw new Error(`Invalid rate limit setting: ${resolved}`);
  return number;
}

/** First guard of every request: a budget per client address, so floods are cut before any token work. */
@Injectable()
export class AddressRateLimitGuard extends BudgetGuard {
  protected readonly budget = RATE_LIMITS.ip;
}

/** Last guard: a budget per signed-in user, whatever address they come from. */
@Injectable()
export class UserRateLimitGuard extends BudgetGuard {
  protected readonly budget = RATE_LIMITS.user;

  protected override async getTracker(request: { user?: AuthenticatedUser; ip: string }): Promise<string> {
    return request.user ? `sub:${request.user.sub}` : `ip:${request.ip}`;
  }
}
