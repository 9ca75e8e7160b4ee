import { RevokedSubject } from './lib/revoked-subject.entity';

export { RATE_LIMITS } from './lib/access.guard';
export * from './lib/auth.module';
export * from './lib/authenticated-user';
export * from './lib/decorators';
export { JwksKeyStore } from './lib/jwks-key-store';
export { InMemoryRateLimitStorage, RateLimitStore, type RateLimitRecord } from './lib/rate-limit-storage';
export { SubjectRevocations } from './lib/subject-revocations';
export { RevokedSubject };

/** Entities the auth module stores (for the TypeORM CLI's data source). */
export const AuthEntities = [RevokedSubject];
