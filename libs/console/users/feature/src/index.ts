export * from './lib/users-routes';
export * from './lib/users-page';
export * from './lib/user-page';
