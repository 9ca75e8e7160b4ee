export * from './lib/console-config';
export * from './lib/provide-console-auth';
export * from './lib/session';
export * from './lib/session-restore';
export * from './lib/sign-in-guard';
export * from './lib/current-user';
export * from './lib/permission-guard';
