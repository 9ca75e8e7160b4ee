export * from './lib/api-config';
export * from './lib/load-api-config';
