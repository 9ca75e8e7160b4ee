import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ApiConfig } from '@steward/api-config-util';
import { JwksKeyStore } from './jwks-key-store';
import { JwtAuthGuard } from './jwt-auth.guard';
import { JwtStrategy } from './jwt.strategy';
import { MeController } from './me.controller';
import { PermissionsGuard } from './permissions.guard';
import { InMemoryRateLimitStorage } from './rate-limit-storage';
import { AddressRateLimitGuard, RATE_LIMITS, UserRateLimitGuard } from './rate-limit.guards';
import { RevokedSubject } from './revoked-subject.entity';
import { SubjectRevocations } from './subject-revocations';
import { VerifiedTokenCache } from './verified-token-cache';

const MINUTE_MS = 60_000;
/** Callers (address or user, per route) whose counters are kept per budget; ~100 bytes each. */
const RATE_LIMIT_KEYS = 200_000;
/** Verified tokens remembered (a SHA-256 and the caller, ~0.5 kB each). */
const VERIFIED_TOKENS = 50_000;

/**
 * Authentication and authorization for the whole API: import once, in the app module.
 * Every request passes, in this order: the per-address rate limit, token verification,
 * the route's permission check, and the per-user rate limit.
 */
@Module({
  imports: [
    PassportModule,
    TypeOrmModule.forFeature([RevokedSubject]),
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<ApiConfig, true>) => {
        const limits = config.get('http.rateLimits', { infer: true });
        return {
          setHeaders: false,
          // O(1) counters; the scale-out issue swaps in a shared store behind the same interface.
          storage: new InMemoryRateLimitStorage({ maxKeys: RATE_LIMIT_KEYS }),
          throttlers: [
            { name: RATE_LIMITS.ip, ttl: MINUTE_MS, limit: limits.perAddress },
            { name: RATE_LIMITS.user, ttl: MINUTE_MS, limit: limits.perUser },
          ],
        };
      },
    }),
  ],
  controllers: [MeController],
  providers: [
    {
      provide: JwksKeyStore,
      inject: [ConfigService],
      useFactory: (config: ConfigService<ApiConfig, true>) =>
        new JwksKeyStore({
          jwksUri: new URL('.well-known/jwks.json', config.get('auth.issuer', { infer: true })).href,
          cooldownMs: config.get('auth.jwksCooldownMs', { infer: true }),
          maxAgeMs: 10 * MINUTE_MS,
          timeoutMs: 5_000,
        }),
    },
    {
      provide: VerifiedTokenCache,
      inject: [JwksKeyStore, SubjectRevocations],
      useFactory: (keys: JwksKeyStore, revocations: SubjectRevocations) =>
        new VerifiedTokenCache(keys, revocations, { maxEntries: VERIFIED_TOKENS }),
    },
    JwtStrategy,
    SubjectRevocations,
    { provide: APP_GUARD, useClass: AddressRateLimitGuard },
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: PermissionsGuard },
    { provide: APP_GUARD, useClass: UserRateLimitGuard },
  ],
  exports: [JwksKeyStore, SubjectRevocations],
})
export class AuthModule {}
