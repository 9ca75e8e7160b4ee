import type { Account } from '../accounts';

/** A test account: a plain, unblocked user without roles, with `overrides` applied. */
export function anAccount(overrides: Partial<Account> = {}): Account {
  const userId = overrides.userId ?? 'auth0|0123456789abcdef01234567';
  const email = overrides.email ?? `${userId.replace(/\W/g, '')}@example.com`;
  return {
    userId,
    email,
    emailVerified: true,
    name: email,
    nickname: email.split('@')[0],
    roles: [],
    blocked: false,
    loginsCount: 0,
    lastLogin: null,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    appMetadata: {},
    userMetadata: {},
    ...overrides,
  };
}
