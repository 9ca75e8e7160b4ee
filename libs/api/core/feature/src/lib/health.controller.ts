import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { JwksKeyStore, Public, RATE_LIMITS } from '@steward/api-auth-feature';

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
  ) {}

  @Public()
  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready when the database answers and the issuer's signing keys are known. Down → 503. */
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
    ]);
  }
}
