export * from './lib/records-api';
