export * from './lib/database-options';
export * from './lib/database.module';
