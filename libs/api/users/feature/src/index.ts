export * from './lib/users.module';
export type { UserDirectory } from './lib/user-directory';
