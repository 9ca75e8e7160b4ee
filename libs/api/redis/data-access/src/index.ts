export * from './lib/redis-connection';
export * from './lib/redis.module';
