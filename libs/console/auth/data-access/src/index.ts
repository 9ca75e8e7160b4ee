export * from './lib/console-config';
export * from './lib/provide-console-auth';
export * from './lib/session';
export * from './lib/current-user';
export * from './lib/permission-guard';
