export * from './lib/core.module';
