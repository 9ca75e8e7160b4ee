import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AuthModule } from '@steward/api-auth-feature';
import { ProblemDetailsFilter, validationPipe } from '@steward/api-core-util';
import { DatabaseMetrics } from './database-metrics';
import { HealthController } from './health.controller';

/** Cross-cutting pieces every Steward API has: validation, problem+json errors, and health (request logging is the HTTP app's, see createHttpApp). */
@Module({
  imports: [TerminusModule.forRoot({ logger: false }), AuthModule],
  controllers: [HealthController],
  providers: [
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useFactory: validationPipe },
    DatabaseMetrics,
  ],
})
export class CoreModule {}
