export * from './lib/api-metrics';
export * from './lib/metrics-server';
export * from './lib/metrics.module';
