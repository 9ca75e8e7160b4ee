export * from './lib/permissions';
export * from './lib/me';
export * from './lib/problem';
export * from './lib/records';
export * from './lib/audit';
export * from './lib/users';
export * from './lib/roles';
