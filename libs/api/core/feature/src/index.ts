export * from './lib/api-core-feature.module';
