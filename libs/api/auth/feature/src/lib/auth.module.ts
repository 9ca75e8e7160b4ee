import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ApiConfig } from '@steward/api-config-util';
import { ApiMetrics } from '@steward/api-metrics-util';
import { RedisConnection } from '@steward/api-redis-data-access';
import { AccessTokenVerifier } from './access-token-verifier';
import { AccessGuard } from './access.guard';
import { JwksKeyStore } from './jwks-key-store';
import { MeController } from './me.controller';
import { InMemoryRateLimitStorage, RateLimitStore } from './rate-limit-storage';
import { RedisRateLimitStore } from './redis-rate-limit-store';
import { RevokedSubject } from './revoked-subject.entity';
import { SubjectRevocations } from './subject-revocations';
import { VerifiedTokenCache } from './verified-token-cache';

const MINUTE_MS = 60_000;
/** Callers (address or user, per route) whose counters are kept per budget; ~100 bytes each. */
const RATE_LIMIT_KEYS = 200_000;
/** Verified tokens remembered (a SHA-256 and the caller, ~0.5 kB each). */
const VERIFIED_TOKENS = 50_000;

/**
 * Authentication and authorization for the whole API: import once, in the app module. Every
 * request passes AccessGuard: the per-address rate limit, token verification, the route's
 * permission check, and the per-user rate limit.
 */
@Module({
  imports: [TypeOrmModule.forFeature([RevokedSubject])],
  controllers: [MeController],
  providers: [
    {
      provide: JwksKeyStore,
      inject: [ConfigService, ApiMetrics],
      useFactory: (config: ConfigService<ApiConfig, true>, metrics: ApiMetrics) =>
        new JwksKeyStore({
          jwksUri: new URL('.well-known/jwks.json', config.get('auth.issuer', { infer: true })).href,
          cooldownMs: config.get('auth.jwksCooldownMs', { infer: true }),
          maxAgeMs: 10 * MINUTE_MS,
          timeoutMs: 5_000,
          onFetch: (outcome) => metrics.jwksFetches.labels(outcome).inc(),
        }),
    },
    {
      provide: AccessTokenVerifier,
      inject: [ConfigService, JwksKeyStore, SubjectRevocations],
      useFactory: (config: ConfigService<ApiConfig, true>, keys: JwksKeyStore, revocations: SubjectRevocations) =>
        new AccessTokenVerifier(
          keys,
          revocations,
          new VerifiedTokenCache(keys, revocations, { maxEntries: VERIFIED_TOKENS }),
          config.get('auth', { infer: true }),
        ),
    },
    // O(1) counters in process, answered without a promise; with REDIS_URL, shared by every
    // instance in Redis, the in-process counters standing in while Redis cannot be reached.
    {
      provide: RateLimitStore,
      inject: [RedisConnection],
      useFactory: (redis: RedisConnection | null) => {
        const local = new InMemoryRateLimitStorage({ maxKeys: RATE_LIMIT_KEYS });
        return redis ? new RedisRateLimitStore(redis, local) : local;
      },
    },
    SubjectRevocations,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [JwksKeyStore, SubjectRevocations, RateLimitStore],
})
export class AuthModule {}
