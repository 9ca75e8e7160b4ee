export * from './lib/api-core-util.module';
