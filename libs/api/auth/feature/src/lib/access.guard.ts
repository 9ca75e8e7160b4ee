import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import type { ApiConfig } from '@steward/api-config-util';
import { ProblemException } from '@steward/api-core-util';
import { ApiMetrics } from '@steward/api-metrics-util';
import { hasAllPermissions, type Permission } from '@steward/shared-domain';
import { AccessTokenVerifier } from './access-token-verifier';
import type { AuthenticatedUser } from './authenticated-user';
import { BearerError, InsufficientScopeError } from './bearer-errors';
import { bearerToken } from './bearer-token';
import { PermissionsMetadata, Public, Roles } from './decorators';
import { HandlerCache } from './handler-cache';
import { RateLimitStore, type RateLimitRecord } from './rate-limit-storage';

/** Names of the two request budgets: per client address (before authentication) and per user (after). */
export const RATE_LIMITS = { ip: 'ip', user: 'user' } as const;
type BudgetName = (typeof RATE_LIMITS)[keyof typeof RATE_LIMITS];

const WINDOW_MS = 60_000;

// @nestjs/throttler's metadata keys: its `@Throttle({ ip: {…} })` and `@SkipThrottle({ user: true })`
// write them, suffixed with the budget's name (it does not export the names).
const SKIP = 'THROTTLER:SKIP';
const LIMIT = 'THROTTLER:LIMIT';
const TTL = 'THROTTLER:TTL';
const BLOCK_DURATION = 'THROTTLER:BLOCK_DURATION';

/** One budget of one route: `limit` requests per `ttl` ms, then blocked for `blockDuration` ms. */
interface Budget {
  name: BudgetName;
  /** The route's part of the counter's key: each route has its own budget. */
  route: string;
  limit: number;
  ttl: number;
  blockDuration: number;
  /** Answers 429 when the record says blocked, counting the rejection for this budget. */
  refuseIfBlocked: (record: RateLimitRecord) => void;
}

/** What a route's decorators say, read once per route: metadata never changes after boot. */
interface RoutePlan {
  isPublic: boolean;
  /** Permissions needed, all of them; undefined with `roles` undefined too: the route is closed. */
  required: readonly Permission[] | undefined;
  roles: readonly string[] | undefined;
  address: Budget | undefined;
  user: Budget | undefined;
}

interface GuardedRequest {
  headers: Record<string, string | string[] | undefined>;
  ip: string;
  user?: AuthenticatedUser;
}

/**
 * The API's one global guard: every request passes, in one pass and in this order, the per-address
 * rate limit, token verification (unless the route is `@Public()`), the route's permission check, and
 * the per-user rate limit. A route that declares nothing (`@RequirePermissions`, `@Authenticated`,
 * `@Roles` or `@Public`) is refused: access is denied by default.
 *
 * One guard instead of four saves three guard invocations per request; the route's decorators are
 * read once; the verifier and the in-process counters answer synchronously, so a request with a
 * known token waits for no promise. Rate limits keep @nestjs/throttler's decorators (`@Throttle`,
 * `@SkipThrottle`, keyed by budget name) and its storage contract (see RateLimitStore).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly routes = new HandlerCache<RoutePlan>();
  private readonly readPlan = (context: ExecutionContext) => this.planOf(context);
  private readonly limits: ApiConfig['http']['rateLimits'];
  private readonly recordFailure = (error: unknown): never => {
    if (error instanceof BearerError) this.metrics.authFailures.labels(error.reason).inc();
    throw error;
  };

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
    private readonly store: RateLimitStore,
    @Inject(ConfigService) config: ConfigService<ApiConfig, true>,
    private readonly metrics: ApiMetrics,
  ) {
    this.limits = config.get('http.rateLimits', { infer: true });
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    // A refusal is counted by reason on its way out; the common path pays nothing for it.
    try {
      const admitted = this.check(context);
      return admitted instanceof Promise ? admitted.catch(this.recordFailure) : admitted;
    } catch (error) {
      return this.recordFailure(error);
    }
  }

  private check(context: ExecutionContext): boolean | Promise<boolean> {
    const route = this.routes.get(context, this.readPlan);
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    return then(this.spend(route.address, request.ip), () => {
      if (route.isPublic) return true;
      return then(this.verifier.verify(bearerToken(request)), (user) => this.admit(route, request, user));
    });
  }

  private admit(route: RoutePlan, request: GuardedRequest, user: AuthenticatedUser): boolean | Promise<boolean> {
    if (user.isMachine) {
      throw new InsufficientScopeError('This API accepts only tokens issued to a user.', undefined, 'machine_token');
    }
    const { required, roles } = route;
    if (required === undefined && roles === undefined) {
      throw new InsufficientScopeError('This route declares no permission and is closed.');
    }
    if (required && !hasAllPermissions(user.permissions, required)) {
      throw new InsufficientScopeError('The access token lacks a permission this route needs.', required);
    }
    if (roles && !roles.some((role) => user.roles.includes(role))) {
      throw new InsufficientScopeError('The caller has none of the roles this route needs.');
    }
    request.user = user;
    return then(this.spend(route.user, user.sub), () => true);
  }

  /** Counts one hit on `budget` for `tracker`; past the limit, 429 with Retry-After. */
  private spend(budget: Budget | undefined, tracker: string): void | Promise<void> {
    if (budget === undefined) return;
    const key = `${budget.name}:${budget.route}:${tracker}`;
    return then(
      this.store.hit(key, budget.ttl, budget.limit, budget.blockDuration, budget.name),
      budget.refuseIfBlocked,
    );
  }

  private planOf(context: ExecutionContext): RoutePlan {
    const targets = [context.getHandler(), context.getClass()];
    const read = <T>(key: string | typeof Public) => this.reflector.getAllAndOverride<T | undefined>(key, targets);
    const route = `${context.getClass().name}.${context.getHandler().name}`;
    const budget = (name: BudgetName, limit: number): Budget | undefined => {
      if (read<boolean>(SKIP + name)) return undefined;
      const ttl = numberSetting(read(TTL + name) ?? WINDOW_MS, `${TTL + name} on ${route}`);
      const rejections = this.metrics.rateLimitRejections.labels(name);
      return {
        name,
        route,
        limit: numberSetting(read(LIMIT + name) ?? limit, `${LIMIT + name} on ${route}`),
        ttl,
        blockDuration: numberSetting(read(BLOCK_DURATION + name) ?? ttl, `${BLOCK_DURATION + name} on ${route}`),
        refuseIfBlocked: (record) => {
          if (!record.isBlocked) return;
          rejections.inc();
          tooManyRequests(record);
        },
      };
    };
    return {
      isPublic: this.reflector.getAllAndOverride(Public, targets) === true,
      required: this.reflector.getAllAndOverride(PermissionsMetadata, targets),
      roles: this.reflector.getAllAndOverride(Roles, targets),
      address: budget(RATE_LIMITS.ip, this.limits.perAddress),
      user: budget(RATE_LIMITS.user, this.limits.perUser),
    };
  }
}

/** 429 with Retry-After, the seconds until the caller's block ends. */
function tooManyRequests(record: RateLimitRecord): never {
  const seconds = Math.max(1, Math.ceil(record.timeToBlockExpire));
  throw new ProblemException(
    429,
    { detail: `Too many requests; try again in ${seconds} s.` },
    { 'Retry-After': String(seconds) },
  );
}

/** Only plain numbers: a route's limits are fixed when it is first called, never per request. */
function numberSetting(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`Rate limit setting ${name} must be a non-negative number, not ${String(value)}.`);
  }
  return value;
}

/** `next(value)`, at once when `value` is already there, after it otherwise. */
function then<T, R>(value: T | Promise<T>, next: (value: T) => R | Promise<R>): R | Promise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}
