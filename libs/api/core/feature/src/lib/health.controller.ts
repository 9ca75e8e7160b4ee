import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { JwksKeyStore, Public, RATE_LIMITS } from '@steward/api-auth-feature';
import { RedisConnection } from '@steward/api-redis-data-access';

/** What an instance does without Redis, said in the readiness body while Redis cannot be reached. */
const REDIS_FALLBACK =
  'Redis is unreachable: rate limits count per instance, read caches are per instance, revocations reach the other instances by their 2 s database re-read. Reconnecting.';

/**
 * Liveness and readiness for load balancers and orchestrators; they tell nothing about the deployment.
 * Outside the rate limits: a probe refused under load would take a healthy instance out of rotation.
 */
@Controller('health')
@SkipThrottle({ [RATE_LIMITS.ip]: true, [RATE_LIMITS.user]: true })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly keys: JwksKeyStore,
    @Optional() @Inject(RedisConnection) private readonly redis: RedisConnection | null,
  ) {}

  @Public()
  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Ready when the database answers and the issuer's signing keys are known. Down → 503.
   * Redis (when configured) never makes the instance unready: without it the API still serves,
   * degraded to per-instance state, and `redis` in the body says which (`shared` or `degraded`).
   */
  @Public()
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2_000 }),
      async () => {
        const jwks = this.indicators.check('jwks');
        return (await this.keys.ready()) ? jwks.up() : jwks.down();
      },
      ...(this.redis ? [() => this.redisState(this.redis as RedisConnection)] : []),
    ]);
  }

  private redisState(redis: RedisConnection) {
    const indicator = this.indicators.check('redis');
    const since = redis.unavailableSince;
    return redis.ready
      ? indicator.up({ state: 'shared' })
      : indicator.up({
          state: 'degraded',
          ...(since !== undefined && { unavailableSince: new Date(since).toISOString() }),
          detail: REDIS_FALLBACK,
        });
  }
}
