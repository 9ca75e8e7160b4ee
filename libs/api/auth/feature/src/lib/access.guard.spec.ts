import type { ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { SkipThrottle, Throttle } from '@nestjs/throttler';
import type { ApiConfig } from '@steward/api-config-util';
import { ProblemException } from '@steward/api-core-util';
import { ApiMetrics } from '@steward/api-metrics-util';
import type { Permission } from '@steward/shared-domain';
import type { AccessTokenVerifier } from './access-token-verifier';
import { AccessGuard, RATE_LIMITS } from './access.guard';
import type { AuthenticatedUser } from './authenticated-user';
import { InsufficientScopeError, InvalidTokenError, MissingCredentialsError } from './bearer-errors';
import { Authenticated, Public, RequirePermissions, Roles } from './decorators';
import { InMemoryRateLimitStorage } from './rate-limit-storage';

@RequirePermissions('read:records')
class RecordsController {
  list() {
    return 'list';
  }
  @RequirePermissions('read:records', 'update:records') update() {
    return 'update';
  }
  @Authenticated() summary() {
    return 'summary';
  }
  @Public() health() {
    return 'health';
  }
  @Roles(['admin', 'staff']) staffOnly() {
    return 'staffOnly';
  }
  @Throttle({ [RATE_LIMITS.ip]: { limit: 2, ttl: 60_000 } }) scarce() {
    return 'scarce';
  }
  @SkipThrottle({ [RATE_LIMITS.ip]: true, [RATE_LIMITS.user]: true }) @Public() probe() {
    return 'probe';
  }
}

class UndeclaredController {
  forgotten() {
    return 'forgotten';
  }
  @RequirePermissions('read:audit') @Roles(['admin']) audit() {
    return 'audit';
  }
}

@Public()
class StatusController {
  status() {
    return 'status';
  }
}

type Controller = new () => object;
interface FakeRequest {
  headers: Record<string, string>;
  ip: string;
  user?: AuthenticatedUser;
}

function userWith(permissions: Permission[], roles: string[] = [], overrides: Partial<AuthenticatedUser> = {}) {
  return {
    sub: 'auth0|u',
    isMachine: false,
    permissions: new Set(permissions),
    roles,
    email: null,
    name: null,
    orgId: null,
    expiresAt: 0,
    ...overrides,
  } satisfies AuthenticatedUser;
}

function setUp({ perAddress = 1_000, perUser = 1_000 } = {}) {
  /** Tokens the fake verifier knows: `async-` ones answer with a promise, the others at once. */
  const callers = new Map<string, AuthenticatedUser>();
  const verifier = {
    verify: (token: string) => {
      const user = callers.get(token);
      if (user === undefined) throw new InvalidTokenError();
      return token.startsWith('async-') ? Promise.resolve(user) : user;
    },
  } as unknown as AccessTokenVerifier;
  const config = new ConfigService({ http: { rateLimits: { perAddress, perUser } } }) as ConfigService<ApiConfig, true>;
  const metrics = new ApiMetrics({ processMetrics: false });
  const guard = new AccessGuard(
    new Reflector(),
    verifier,
    new InMemoryRateLimitStorage({ maxKeys: 100 }),
    config,
    metrics,
  );
  const run = (
    controller: Controller,
    method: string,
    { token, ip = '192.0.2.1' }: { token?: string; ip?: string },
  ) => {
    const request: FakeRequest = { headers: token ? { authorization: `Bearer ${token}` } : {}, ip };
    const context = {
      getHandler: () => (controller.prototype as Record<string, unknown>)[method],
      getClass: () => controller,
      switchToHttp: () => ({ getRequest: () => request }),
    } as unknown as ExecutionContext;
    return { request, result: () => guard.canActivate(context) };
  };
  let signedIn = 0;
  /** Signs in a caller: the token that proves them. */
  const as = (user: AuthenticatedUser, token = `sync-${++signedIn}`) => {
    callers.set(token, user);
    return token;
  };
  /** The current value of a counter's series. */
  const counted = async (name: string, labels: Record<string, string>) => {
    const metric = (await metrics.registry.getSingleMetric(name)?.get())?.values ?? [];
    return (
      metric.find((value) => Object.entries(labels).every(([key, label]) => value.labels[key] === label))?.value ?? 0
    );
  };
  return { run, as, counted };
}

function refusal(action: () => unknown): ProblemException {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemException);
    return error as ProblemException;
  }
  throw new Error('expected the guard to refuse');
}

describe('AccessGuard', () => {
  describe('authentication', () => {
    it('should pass a public route without looking for a token', () => {
      const { run } = setUp();
      expect(run(RecordsController, 'health', {}).result()).toBe(true);
      expect(run(StatusController, 'status', { token: 'garbage' }).result()).toBe(true);
    });

    it('should refuse a protected route without a token with 401 and a bare challenge', () => {
      const { run } = setUp();
      const error = refusal(run(RecordsController, 'list', {}).result);
      expect(error).toBeInstanceOf(MissingCredentialsError);
      expect(error.headers['WWW-Authenticate']).toBe('Bearer realm="api"');
    });

    it('should ask for a token before saying that a route is closed', () => {
      const { run } = setUp();
      expect(refusal(run(UndeclaredController, 'forgotten', {}).result).getStatus()).toBe(401);
    });

    it('should answer at once, without a promise, when the verifier does, and set the caller', () => {
      const { run, as } = setUp();
      const user = userWith(['read:records']);
      const call = run(RecordsController, 'list', { token: as(user) });
      expect(call.result()).toBe(true);
      expect(call.request.user).toBe(user);
    });

    it('should wait for a verifier that fetches a key', async () => {
      const { run, as } = setUp();
      const user = userWith(['read:records']);
      const call = run(RecordsController, 'list', { token: as(user, 'async-alice') });
      const result = call.result();
      expect(result).toBeInstanceOf(Promise);
      await expect(result).resolves.toBe(true);
      expect(call.request.user).toBe(user);
    });

    it('should pass the verifier refusal on unchanged', () => {
      const { run } = setUp();
      expect(refusal(run(RecordsController, 'list', { token: 'unknown' }).result)).toBeInstanceOf(InvalidTokenError);
    });

    it('should refuse a machine caller with 403 insufficient_scope, even on a route any user may call', () => {
      const { run, as } = setUp();
      const token = as(userWith(['read:records'], [], { sub: 'client@clients', isMachine: true }));
      const error = refusal(run(RecordsController, 'summary', { token }).result);
      expect(error).toBeInstanceOf(InsufficientScopeError);
      expect(error.headers['WWW-Authenticate']).toContain('error="insufficient_scope"');
    });
  });

  describe('permissions', () => {
    it('should refuse a route that declares nothing with 403', () => {
      const { run, as } = setUp();
      const error = refusal(run(UndeclaredController, 'forgotten', { token: as(userWith(['read:records'])) }).result);
      expect(error.getStatus()).toBe(403);
      expect(error.fields.detail).toMatch(/closed/);
    });

    it('should pass a caller holding the class-level permission', () => {
      const { run, as } = setUp();
      expect(run(RecordsController, 'list', { token: as(userWith(['read:records'])) }).result()).toBe(true);
    });

    it('should require every listed permission, and name them in the challenge', () => {
      const { run, as } = setUp();
      const error = refusal(run(RecordsController, 'update', { token: as(userWith(['read:records'])) }).result);
      expect(error.getStatus()).toBe(403);
      expect(error.headers['WWW-Authenticate']).toContain('scope="read:records update:records"');
      const both = as(userWith(['read:records', 'update:records']));
      expect(run(RecordsController, 'update', { token: both }).result()).toBe(true);
    });

    it('should let method metadata override class metadata', () => {
      const { run, as } = setUp();
      const nobody = as(userWith([]));
      expect(run(RecordsController, 'summary', { token: nobody }).result()).toBe(true);
      refusal(run(RecordsController, 'list', { token: nobody }).result);
    });

    it('should pass a caller holding any one of the listed roles, and refuse one holding none', () => {
      const { run, as } = setUp();
      expect(run(RecordsController, 'staffOnly', { token: as(userWith(['read:records'], ['staff'])) }).result()).toBe(
        true,
      );
      const viewer = as(userWith(['read:records'], ['viewer']), 'sync-viewer');
      expect(refusal(run(RecordsController, 'staffOnly', { token: viewer }).result).fields.detail).toMatch(/roles/);
    });

    it('should require both the permissions and a role when a route declares both', () => {
      const { run, as } = setUp();
      refusal(run(UndeclaredController, 'audit', { token: as(userWith(['read:audit'], ['staff']), 'sync-a') }).result);
      refusal(run(UndeclaredController, 'audit', { token: as(userWith([], ['admin']), 'sync-b') }).result);
      const admin = as(userWith(['read:audit'], ['admin']), 'sync-c');
      expect(run(UndeclaredController, 'audit', { token: admin }).result()).toBe(true);
    });
  });

  describe('rate limits', () => {
    const tooMany = (action: () => unknown) => {
      const error = refusal(action);
      expect(error.getStatus()).toBe(429);
      expect(error.headers['Retry-After']).toBe('60');
      return error;
    };

    it('should let `perAddress` requests of one address through, per route, then answer 429 with Retry-After', () => {
      const { run } = setUp({ perAddress: 3 });
      for (let i = 0; i < 3; i++) expect(run(StatusController, 'status', {}).result()).toBe(true);
      tooMany(run(StatusController, 'status', {}).result);
      expect(run(StatusController, 'status', { ip: '192.0.2.2' }).result()).toBe(true);
      expect(run(RecordsController, 'health', {}).result()).toBe(true);
    });

    it('should count refused requests against the address before any token work', () => {
      const { run } = setUp({ perAddress: 2 });
      refusal(run(RecordsController, 'list', { token: 'forged' }).result);
      refusal(run(RecordsController, 'list', { token: 'forged' }).result);
      tooMany(run(RecordsController, 'list', { token: 'forged' }).result);
    });

    it("should honour @Throttle's limit for a route's address budget", () => {
      const { run, as } = setUp();
      const token = as(userWith(['read:records']));
      expect(run(RecordsController, 'scarce', { token }).result()).toBe(true);
      expect(run(RecordsController, 'scarce', { token }).result()).toBe(true);
      tooMany(run(RecordsController, 'scarce', { token }).result);
    });

    it('should leave a route skipped with @SkipThrottle outside both budgets', () => {
      const { run } = setUp({ perAddress: 1, perUser: 1 });
      for (let i = 0; i < 5; i++) expect(run(RecordsController, 'probe', {}).result()).toBe(true);
    });

    it('should give each user one budget per route, whatever address they call from', () => {
      const { run, as } = setUp({ perUser: 2 });
      const alice = as(userWith(['read:records'], [], { sub: 'auth0|alice' }));
      const bob = as(userWith(['read:records'], [], { sub: 'auth0|bob' }));
      expect(run(RecordsController, 'list', { token: alice, ip: '192.0.2.1' }).result()).toBe(true);
      expect(run(RecordsController, 'list', { token: alice, ip: '192.0.2.2' }).result()).toBe(true);
      tooMany(run(RecordsController, 'list', { token: alice, ip: '192.0.2.3' }).result);
      expect(run(RecordsController, 'list', { token: bob }).result()).toBe(true);
      expect(run(RecordsController, 'summary', { token: alice }).result()).toBe(true);
    });
  });

  describe('metrics', () => {
    it('should count each refusal by its reason, whether it is thrown at once or rejected later', async () => {
      const { run, as, counted } = setUp();
      refusal(run(RecordsController, 'list', {}).result);
      refusal(run(RecordsController, 'list', { token: 'forged' }).result);
      refusal(run(RecordsController, 'update', { token: as(userWith(['read:records'])) }).result);
      refusal(
        run(RecordsController, 'list', { token: as(userWith(['read:records'], [], { isMachine: true })) }).result,
      );
      await expect(
        run(RecordsController, 'update', { token: as(userWith(['read:records']), 'async-1') }).result(),
      ).rejects.toBeInstanceOf(InsufficientScopeError);

      expect(await counted('steward_auth_failures_total', { reason: 'missing_token' })).toBe(1);
      expect(await counted('steward_auth_failures_total', { reason: 'invalid' })).toBe(1);
      expect(await counted('steward_auth_failures_total', { reason: 'insufficient_scope' })).toBe(2);
      expect(await counted('steward_auth_failures_total', { reason: 'machine_token' })).toBe(1);
    });

    it('should count 429s by budget, and nothing for requests let through', async () => {
      const { run, as, counted } = setUp({ perAddress: 1, perUser: 1 });
      const token = as(userWith(['read:records']));
      expect(run(RecordsController, 'list', { token }).result()).toBe(true);
      refusal(run(RecordsController, 'list', { token }).result);
      refusal(run(RecordsController, 'list', { token, ip: '192.0.2.9' }).result);

      expect(await counted('steward_rate_limit_rejections_total', { budget: 'ip' })).toBe(1);
      expect(await counted('steward_rate_limit_rejections_total', { budget: 'user' })).toBe(1);
      expect(await counted('steward_auth_failures_total', { reason: 'invalid' })).toBe(0);
    });
  });
});
