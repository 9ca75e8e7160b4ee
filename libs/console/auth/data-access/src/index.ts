export * from './lib/console-auth-data-access/console-auth-data-access';
