export * from './lib/permissions';
export * from './lib/me';
export * from './lib/problem';
