export * from './lib/users-api';
