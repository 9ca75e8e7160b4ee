export * from './lib/auth.module';
export * from './lib/authenticated-user';
export * from './lib/decorators';
export { JwksKeyStore } from './lib/jwks-key-store';
