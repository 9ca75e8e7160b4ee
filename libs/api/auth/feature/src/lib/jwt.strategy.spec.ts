import { ConfigService } from '@nestjs/config';
import fc from 'fast-check';
import { generateKeyPairSync, sign } from 'node:crypto';
import type { AuthenticatedUser } from './authenticated-user';
import { InvalidTokenError } from './bearer-errors';
import type { JwksKeyStore } from './jwks-key-store';
import { JwtStrategy, MAX_TOKEN_AGE_SECONDS } from './jwt.strategy';
import type { SubjectRevocations } from './subject-revocations';
import { VerifiedTokenCache } from './verified-token-cache';

const ISSUER = 'https://tenant.test/';
const AUDIENCE = 'https://api.test/';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

const encode = (value: string) => Buffer.from(value).toString('base64url');

/** A token signed with the trusted key whose payload is exactly `payloadJson`, whatever it is. */
function signed(payloadJson: string, header: Record<string, unknown> = { alg: 'RS256', kid: 'k1', typ: 'JWT' }) {
  const input = `${encode(JSON.stringify(header))}.${encode(payloadJson)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

type Outcome = { kind: 'success'; user: AuthenticatedUser } | { kind: 'refused' | 'error'; reason: unknown };

/**
 * Runs the strategy the way passport does and reports how it ended (or that it never did). A
 * refusal is a passport `fail`, or an `error` carrying our 401 (what `validate` throws); any other
 * error would reach the caller as a 5xx.
 */
function authenticate(strategy: JwtStrategy, token: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the strategy never answered')), 2_000);
    const end = (outcome: Outcome) => {
      clearTimeout(timer);
      resolve(outcome);
    };
    const running = Object.assign(Object.create(strategy) as JwtStrategy, {
      success: (user: AuthenticatedUser) => end({ kind: 'success', user }),
      fail: (reason: unknown) => end({ kind: 'refused', reason }),
      error: (reason: unknown) => end({ kind: reason instanceof InvalidTokenError ? 'refused' : 'error', reason }),
    });
    running.authenticate({ headers: { authorization: `Bearer ${token}` } } as never, {});
  });
}

describe('JwtStrategy', () => {
  const keys = {
    knownKey: (kid: string) => (kid === 'k1' ? publicKey : undefined),
    getKey: async (kid: string) => (kid === 'k1' ? publicKey : undefined),
  } as unknown as JwksKeyStore;
  const revocations = { isRevoked: (sub: string) => sub === 'auth0|revoked' } as unknown as SubjectRevocations;
  const verified = new VerifiedTokenCache(keys, revocations, { maxEntries: 1_000 });
  const strategy = new JwtStrategy(
    new ConfigService({
      auth: { issuer: ISSUER, audience: AUDIENCE, rolesClaim: 'https://steward.test/roles', jwksCooldownMs: 1_000 },
    }),
    keys,
    revocations,
    verified,
  );
  const now = () => Math.floor(Date.now() / 1000);
  const valid = () => ({ iss: ISSUER, aud: AUDIENCE, sub: 'auth0|alice', iat: now(), exp: now() + 600 });

  it('should accept a valid token', async () => {
    const outcome = await authenticate(strategy, signed(JSON.stringify(valid())));
    expect(outcome).toMatchObject({ kind: 'success', user: { sub: 'auth0|alice' } });
  });

  it('should remember a verified token until the earlier of exp and iat + the maximum age, plus tolerance', async () => {
    const shortLived = signed(JSON.stringify(valid()));
    await authenticate(strategy, shortLived);
    const remembered = jest.spyOn(verified, 'remember');
    const old = { ...valid(), iat: now() - MAX_TOKEN_AGE_SECONDS + 60, exp: now() + 3_600 };
    await authenticate(strategy, signed(JSON.stringify(old)));
    expect(remembered).toHaveBeenCalledWith(
      expect.any(String),
      expect.objectContaining({ kid: 'k1', key: publicKey, expiresAt: old.iat + MAX_TOKEN_AGE_SECONDS + 5 }),
    );
    remembered.mockRestore();
    expect(verified.lookup(shortLived)).toMatchObject({ sub: 'auth0|alice' });
  });

  it('should not remember a refused token', async () => {
    const expired = signed(JSON.stringify({ ...valid(), iat: now() - 700, exp: now() - 60 }));
    expect(await authenticate(strategy, expired)).toMatchObject({ kind: 'refused' });
    expect(verified.lookup(expired)).toBeUndefined();
  });

  it('should refuse, not crash on, a correctly signed token whose payload is not an object', async () => {
    for (const payload of ['null', '42', '"claims"', '[]', 'true', '{"a":', '']) {
      expect(await authenticate(strategy, signed(payload))).toMatchObject({ kind: 'refused' });
    }
  });

  it('should refuse a revoked subject', async () => {
    const outcome = await authenticate(strategy, signed(JSON.stringify({ ...valid(), sub: 'auth0|revoked' })));
    expect(outcome).toMatchObject({ kind: 'refused' });
  });

  it('should end every signed token, whatever its payload, in a success or a refusal, never a throw', async () => {
    const claim = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(ISSUER, AUDIENCE, [AUDIENCE], now(), now() + 600, 'auth0|alice', ['read:records']),
    );
    const claims = fc.dictionary(
      fc.constantFrom('iss', 'aud', 'sub', 'exp', 'iat', 'nbf', 'permissions', 'scope', 'gty', 'org_id', '__proto__'),
      claim,
    );
    const payload = fc.oneof(
      fc.jsonValue().map((value) => JSON.stringify(value)),
      claims.map((value) => JSON.stringify({ ...valid(), ...value })),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (json) => {
        const outcome = await authenticate(strategy, signed(json));
        expect(outcome.kind).not.toBe('error');
        if (outcome.kind === 'success') expect(typeof outcome.user.sub).toBe('string');
      }),
      { seed: 20_261_203, numRuns: 300 },
    );
  });
});
