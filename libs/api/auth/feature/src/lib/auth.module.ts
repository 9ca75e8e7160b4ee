import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import type { ApiConfig } from '@steward/api-config-util';
import { JwksKeyStore } from './jwks-key-store';
import { JwtAuthGuard } from './jwt-auth.guard';
import { JwtStrategy } from './jwt.strategy';
import { MeController } from './me.controller';
import { PermissionsGuard } from './permissions.guard';

/** Authentication and authorization for the whole API: import once, in the app module. */
@Module({
  imports: [PassportModule],
  controllers: [MeController],
  providers: [
    {
      provide: JwksKeyStore,
      inject: [ConfigService],
      useFactory: (config: ConfigService<ApiConfig, true>) =>
        new JwksKeyStore({
          jwksUri: new URL('.well-known/jwks.json', config.get('auth.issuer', { infer: true })).href,
          cooldownMs: 30_000,
          maxAgeMs: 10 * 60_000,
          timeoutMs: 5_000,
        }),
    },
    JwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: PermissionsGuard },
  ],
  exports: [JwksKeyStore],
})
export class AuthModule {}
