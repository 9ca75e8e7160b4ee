import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ApiConfig } from '@steward/api-config-util';
import { ApiMetrics } from '@steward/api-metrics-util';
import { createHash } from 'node:crypto';
import { RedisConnection } from './redis-connection';

/**
 * Provides `RedisConnection` when REDIS_URL is set, and `null` otherwise: every consumer then keeps
 * its state in process, as a single instance does.
 */
@Global()
@Module({
  providers: [
    {
      provide: RedisConnection,
      inject: [ConfigService, ApiMetrics],
      useFactory: (config: ConfigService<ApiConfig, true>, metrics: ApiMetrics): RedisConnection | null => {
        const redis = config.get('redis', { infer: true });
        if (!redis) return null;
        // One namespace per tenant and API: instances of one deployment share it, nobody else does.
        const { issuer, audience } = config.get('auth', { infer: true });
        const deployment = createHash('sha256').update(`${issuer} ${audience}`).digest('hex').slice(0, 12);
        return new RedisConnection(redis.url, metrics, `steward:${deployment}`);
      },
    },
  ],
  exports: [RedisConnection],
})
export class RedisModule {}
