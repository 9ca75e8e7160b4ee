import { InvalidTokenError } from './bearer-errors';
import { toAuthenticatedUser } from './token-claims';

const ROLES_CLAIM = 'https://steward.local/roles';
const BASE = { sub: 'auth0|alice', exp: 1_900_000_000 };

function user(claims: Record<string, unknown>) {
  return toAuthenticatedUser({ ...BASE, ...claims }, ROLES_CLAIM);
}

describe('toAuthenticatedUser', () => {
  describe('payload shape', () => {
    it('should refuse a payload that is not an object', () => {
      for (const payload of [null, 'claims', 42, [BASE]]) {
        expect(() => toAuthenticatedUser(payload, ROLES_CLAIM)).toThrow(InvalidTokenError);
      }
    });

    it('should refuse a payload without a numeric exp', () => {
      expect(() => toAuthenticatedUser({ sub: 'auth0|alice' }, ROLES_CLAIM)).toThrow(/expiry/);
      expect(() => toAuthenticatedUser({ sub: 'auth0|alice', exp: '1900000000' }, ROLES_CLAIM)).toThrow(/expiry/);
    });

    it('should refuse a payload without a subject', () => {
      expect(() => toAuthenticatedUser({ exp: 1 }, ROLES_CLAIM)).toThrow(/subject/);
      expect(() => toAuthenticatedUser({ exp: 1, sub: '' }, ROLES_CLAIM)).toThrow(/subject/);
    });

    it('should refuse a token issued after the latest acceptable issue time', () => {
      expect(() => toAuthenticatedUser({ ...BASE, iat: 1_000 }, ROLES_CLAIM, 999)).toThrow(/future/);
      expect(toAuthenticatedUser({ ...BASE, iat: 1_000 }, ROLES_CLAIM, 1_000).sub).toBe('auth0|alice');
    });

    it('should map a minimal payload', () => {
      expect(toAuthenticatedUser(BASE, ROLES_CLAIM)).toEqual({
        sub: 'auth0|alice',
        isMachine: false,
        permissions: new Set(),
        roles: [],
        email: null,
        name: null,
        orgId: null,
        expiresAt: 1_900_000_000,
      });
    });
  });

  describe('permissions', () => {
    it('should keep only known permissions from the permissions array', () => {
      const { permissions } = user({
        permissions: ['read:records', 'read:records:all', 'READ:USERS', 'admin', 'read:audit'],
      });
      expect([...permissions].sort()).toEqual(['read:audit', 'read:records']);
    });

    it('should fall back to scope when the permissions claim is absent', () => {
      const { permissions } = user({ scope: 'openid profile read:records update:records' });
      expect([...permissions].sort()).toEqual(['read:records', 'update:records']);
    });

    it('should ignore scope when a permissions claim is present', () => {
      expect([...user({ permissions: [], scope: 'read:records' }).permissions]).toEqual([]);
    });

    it('should grant nothing for a wrong-typed permissions claim', () => {
      for (const permissions of ['read:records', ['read:records', 42], { 0: 'read:records' }, null]) {
        expect(user({ permissions, scope: 'read:records' }).permissions.size).toBe(0);
      }
    });
  });

  describe('roles', () => {
    it('should read roles from the configured claim only', () => {
      expect(user({ [ROLES_CLAIM]: ['staff'], roles: ['admin'] }).roles).toEqual(['staff']);
      expect(user({ roles: ['admin'] }).roles).toEqual([]);
    });

    it('should ignore a roles claim that is not a string array', () => {
      expect(user({ [ROLES_CLAIM]: 'admin' }).roles).toEqual([]);
      expect(user({ [ROLES_CLAIM]: ['admin', 1] }).roles).toEqual([]);
    });
  });

  describe('email and name', () => {
    it('should prefer the namespaced sibling claims', () => {
      const caller = user({
        'https://steward.local/email': 'alice@steward.local',
        'https://steward.local/name': 'Alice',
        email: 'other@example.com',
        name: 'Other',
      });
      expect(caller.email).toBe('alice@steward.local');
      expect(caller.name).toBe('Alice');
    });

    it('should fall back to the standard claims', () => {
      const caller = user({ email: 'alice@example.com', name: 'Alice Example' });
      expect(caller.email).toBe('alice@example.com');
      expect(caller.name).toBe('Alice Example');
    });

    it('should ignore non-string values', () => {
      const caller = user({ 'https://steward.local/email': 1, email: ['a@b.c'], name: {} });
      expect(caller.email).toBeNull();
      expect(caller.name).toBeNull();
    });
  });

  describe('machine callers and organisation', () => {
    it('should flag client-credentials tokens as machines', () => {
      expect(user({ gty: 'client-credentials' }).isMachine).toBe(true);
      expect(user({ sub: 'm2m-client@clients' }).isMachine).toBe(true);
      expect(user({ gty: 'password' }).isMachine).toBe(false);
    });

    it('should read orgId from org_id', () => {
      expect(user({ org_id: 'org_123' }).orgId).toBe('org_123');
      expect(user({ org_id: 123 }).orgId).toBeNull();
    });
  });
});
