export * from './lib/core.module';
export * from './lib/http-app';
export * from './lib/json-body';
