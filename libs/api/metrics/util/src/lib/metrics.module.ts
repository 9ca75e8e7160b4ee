import { Global, Module } from '@nestjs/common';
import { ApiMetrics } from './api-metrics';
import { MetricsServer } from './metrics-server';

/** The API's metrics (one ApiMetrics for every module) and the server that exposes them on METRICS_PORT. */
@Global()
@Module({
  providers: [{ provide: ApiMetrics, useFactory: () => new ApiMetrics() }, MetricsServer],
  exports: [ApiMetrics],
})
export class MetricsModule {}
