import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ProblemDetailsFilter } from '@steward/api-core-util';
import { HealthController } from './health.controller';

/** Cross-cutting pieces every Steward API has: problem+json errors and health. */
@Module({
  controllers: [HealthController],
  providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
})
export class CoreModule {}
