import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ApiConfig } from '@steward/api-config-util';
import { ApiMetrics } from '@steward/api-metrics-util';
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
        return redis ? new RedisConnection(redis.url, metrics) : null;
      },
    },
  ],
  exports: [RedisConnection],
})
export class RedisModule {}
