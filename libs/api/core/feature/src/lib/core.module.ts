import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AuthModule } from '@steward/api-auth-feature';
import type { ApiConfig } from '@steward/api-config-util';
import { ProblemDetailsFilter, validationPipe } from '@steward/api-core-util';
import { LoggerModule } from 'nestjs-pino';
import { HealthController } from './health.controller';
import { loggingOptions } from './logging';

/** Cross-cutting pieces every Steward API has: validation, problem+json errors, request logging and health. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<ApiConfig, true>) => loggingOptions(config.get('env', { infer: true })),
    }),
    TerminusModule.forRoot({ logger: false }),
    AuthModule,
  ],
  controllers: [HealthController],
  providers: [
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useFactory: validationPipe },
  ],
})
export class CoreModule {}
