import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { AuthenticatedUser } from './authenticated-user';
import { InvalidTokenError } from './bearer-errors';
import { VerifiedTokenCache, type Verification } from './verified-token-cache';

const keyA = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
const keyB = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
const NOW_S = 1_700_000_000;

function user(sub = 'auth0|alice'): AuthenticatedUser {
  return {
    sub,
    isMachine: false,
    permissions: new Set(),
    roles: [],
    email: null,
    name: null,
    orgId: null,
    expiresAt: 0,
  };
}

function setUp(maxEntries = 100, admitAfter: 1 | 2 = 1) {
  const clock = { ms: NOW_S * 1000 };
  const published = new Map<string, KeyObject>([['k1', keyA]]);
  const revoked = new Set<string>();
  const cache = new VerifiedTokenCache(
    { knownKey: (kid) => published.get(kid) },
    { isRevoked: (sub) => revoked.has(sub) },
    { maxEntries, admitAfter, now: () => clock.ms },
  );
  const verification = (overrides: Partial<Verification> = {}): Verification => ({
    user: user(),
    kid: 'k1',
    key: keyA,
    expiresAt: NOW_S + 600,
    ...overrides,
  });
  return { clock, published, revoked, cache, verification };
}

describe('VerifiedTokenCache', () => {
  describe('lookup', () => {
    it('should answer a remembered token with its caller, and nothing for any other token', () => {
      const { cache, verification } = setUp();
      const remembered = verification();
      cache.remember('a.b.c', remembered);
      expect(cache.lookup('a.b.c')).toBe(remembered.user);
      expect(cache.lookup('a.b.d')).toBeUndefined();
    });

    it('should stop answering at the second the verifier would call the token expired', () => {
      const { clock, cache, verification } = setUp();
      cache.remember('a.b.c', verification({ expiresAt: NOW_S + 10 }));
      clock.ms = (NOW_S + 10) * 1000 - 1;
      expect(cache.lookup('a.b.c')).toBeDefined();
      clock.ms = (NOW_S + 10) * 1000;
      expect(cache.lookup('a.b.c')).toBeUndefined();
      expect(cache.size).toBe(0);
    });

    it('should refuse a revoked subject on every hit, and answer again once restored', () => {
      const { revoked, cache, verification } = setUp();
      cache.remember('a.b.c', verification());
      revoked.add('auth0|alice');
      expect(() => cache.lookup('a.b.c')).toThrow(InvalidTokenError);
      revoked.delete('auth0|alice');
      expect(cache.lookup('a.b.c')).toBeDefined();
    });

    it('should forget a token whose key the issuer no longer publishes', () => {
      const { published, cache, verification } = setUp();
      cache.remember('a.b.c', verification());
      published.delete('k1');
      expect(cache.lookup('a.b.c')).toBeUndefined();
      published.set('k1', keyA);
      expect(cache.lookup('a.b.c')).toBeUndefined();
    });

    it('should forget a token whose kid now names another key', () => {
      const { published, cache, verification } = setUp();
      cache.remember('a.b.c', verification());
      published.set('k1', keyB);
      expect(cache.lookup('a.b.c')).toBeUndefined();
    });

    it('should keep answering while another key is added or removed', () => {
      const { published, cache, verification } = setUp();
      cache.remember('a.b.c', verification());
      published.set('k2', keyB);
      published.delete('k2');
      expect(cache.lookup('a.b.c')).toBeDefined();
    });
  });

  describe('remember', () => {
    it('should hold at most maxEntries tokens, dropping the oldest first', () => {
      const { cache, verification } = setUp(3);
      for (const token of ['t.1.x', 't.2.x', 't.3.x', 't.4.x']) cache.remember(token, verification());
      expect(cache.size).toBe(3);
      expect(cache.lookup('t.1.x')).toBeUndefined();
      expect(cache.lookup('t.4.x')).toBeDefined();
    });
  });

  describe('admission', () => {
    it('should remember a token only from its second verification on, by default', () => {
      const { cache, verification } = setUp(100, 2);
      cache.remember('a.b.c', verification());
      expect(cache.lookup('a.b.c')).toBeUndefined();
      expect(cache.size).toBe(0);
      cache.remember('a.b.c', verification());
      expect(cache.lookup('a.b.c')).toBeDefined();
    });

    it('should keep a flood of tokens seen once out, and the tokens in use in', () => {
      const { cache, verification } = setUp(100, 2);
      for (let round = 0; round < 2; round++) cache.remember('in.use.token', verification());
      for (let i = 0; i < 10_000; i++) cache.remember(`once.${i}.token`, verification());
      expect(cache.size).toBeLessThan(10);
      expect(cache.lookup('in.use.token')).toBeDefined();
    });
  });
});
