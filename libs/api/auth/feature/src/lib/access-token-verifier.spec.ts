import fc from 'fast-check';
import jwt from 'jsonwebtoken';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import {
  AccessTokenVerifier,
  CLOCK_TOLERANCE_SECONDS,
  MAX_TOKEN_AGE_SECONDS,
  type AccessTokenRules,
} from './access-token-verifier';
import type { AuthenticatedUser } from './authenticated-user';
import { InvalidTokenError } from './bearer-errors';
import { VerifiedTokenCache } from './verified-token-cache';

const RULES: AccessTokenRules = {
  issuer: 'https://tenant.test/',
  audience: 'https://api.test/',
  rolesClaim: 'https://steward.test/roles',
};
const NOW = 1_800_000_000;
const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });

const encode = (value: string) => Buffer.from(value).toString('base64url');
const HEADER = { alg: 'RS256', kid: 'k1', typ: 'JWT' };

/** A token whose header and payload are exactly the given JSON texts, signed with `key`. */
function signed(payloadJson: string, header: object = HEADER, key: KeyObject = trusted.privateKey): string {
  const input = `${encode(JSON.stringify(header))}.${encode(payloadJson)}`;
  const signature =
    key.asymmetricKeyType === 'ec'
      ? sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
      : sign('sha256', Buffer.from(input), key);
  return `${input}.${signature.toString('base64url')}`;
}

const valid = () => ({ iss: RULES.issuer, aud: RULES.audience, sub: 'auth0|alice', iat: NOW - 60, exp: NOW + 600 });
const token = (claims: object = valid(), header?: object) => signed(JSON.stringify(claims), header);

function setUp() {
  const clock = { ms: NOW * 1000 };
  const keys = new Map<string, KeyObject>([
    ['k1', trusted.publicKey],
    ['ec', ecKey.publicKey],
  ]);
  const fetchable = new Map<string, KeyObject>();
  const revoked = new Set<string>();
  const keyStore = {
    knownKey: (kid: string) => keys.get(kid),
    getKey: async (kid: string) => {
      const key = fetchable.get(kid);
      if (key) keys.set(kid, key);
      return key;
    },
  };
  const revocations = { isRevoked: (sub: string) => revoked.has(sub) };
  const cache = new VerifiedTokenCache(keyStore, revocations, {
    maxEntries: 1_000,
    admitAfter: 1,
    now: () => clock.ms,
  });
  const verifier = new AccessTokenVerifier(keyStore, revocations, cache, RULES, () => clock.ms);
  return { clock, keys, fetchable, revoked, cache, verifier };
}

/** How verification of `token` ended: the caller, or the refusal's detail. Anything else fails the test. */
async function outcome(verifier: AccessTokenVerifier, value: string): Promise<AuthenticatedUser | string> {
  try {
    return await verifier.verify(value);
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    return error.fields.detail ?? '';
  }
}

describe('AccessTokenVerifier', () => {
  it('should accept a valid token at once, without a promise, and map its caller', () => {
    const { verifier } = setUp();
    const user = verifier.verify(token({ ...valid(), permissions: ['read:records'], [RULES.rolesClaim]: ['staff'] }));
    expect(user).toMatchObject({ sub: 'auth0|alice', roles: ['staff'], permissions: new Set(['read:records']) });
  });

  it('should fetch a key it does not know yet, once', async () => {
    const { verifier, fetchable } = setUp();
    fetchable.set('k2', stranger.publicKey);
    const fresh = signed(JSON.stringify(valid()), { ...HEADER, kid: 'k2' }, stranger.privateKey);
    const first = verifier.verify(fresh);
    expect(first).toBeInstanceOf(Promise);
    await expect(first).resolves.toMatchObject({ sub: 'auth0|alice' });
    expect(verifier.verify(signed(JSON.stringify(valid()), { ...HEADER, kid: 'k2' }, stranger.privateKey))).toEqual(
      expect.objectContaining({ sub: 'auth0|alice' }),
    );
  });

  it.each([
    [
      'a key the issuer does not publish',
      () => signed(JSON.stringify(valid()), { ...HEADER, kid: 'nope' }),
      /unknown key/,
    ],
    ['a signature by another key', () => signed(JSON.stringify(valid()), HEADER, stranger.privateKey), /invalid/],
    [
      'a key that is not RSA under an RS256 header',
      () => signed(JSON.stringify(valid()), { ...HEADER, kid: 'ec' }, ecKey.privateKey),
      /invalid/,
    ],
    ['another issuer', () => token({ ...valid(), iss: 'https://evil.test/' }), /invalid/],
    ['another audience', () => token({ ...valid(), aud: ['https://other.test/'] }), /invalid/],
    ['no audience', () => token({ ...valid(), aud: undefined }), /invalid/],
    [
      'an expired token, past the tolerance',
      () => token({ ...valid(), exp: NOW - CLOCK_TOLERANCE_SECONDS }),
      /expired/,
    ],
    [
      'a token older than the maximum age',
      () => token({ ...valid(), iat: NOW - MAX_TOKEN_AGE_SECONDS - CLOCK_TOLERANCE_SECONDS, exp: NOW + 600 }),
      /expired/,
    ],
    ['no exp', () => token({ ...valid(), exp: undefined }), /time claims/],
    ['no iat', () => token({ ...valid(), iat: undefined }), /time claims/],
    ['a string exp', () => token({ ...valid(), exp: String(NOW + 600) }), /time claims/],
    ['a token not valid yet', () => token({ ...valid(), nbf: NOW + CLOCK_TOLERANCE_SECONDS + 1 }), /not valid yet/],
    ['a token issued in the future', () => token({ ...valid(), iat: NOW + CLOCK_TOLERANCE_SECONDS + 1 }), /future/],
    ['a payload that is not an object', () => signed('null'), /not a JSON object/],
    ['HS256', () => token(valid(), { ...HEADER, alg: 'HS256' }), /unsupported algorithm/],
    ['a padded signature', () => `${token()}=`, /malformed/],
  ])('should refuse %s with 401', async (_name, make, detail) => {
    const { verifier, cache } = setUp();
    const value = make();
    await expect(outcome(verifier, value)).resolves.toMatch(detail);
    expect(cache.lookup(value)).toBeUndefined();
  });

  it('should accept within the clock tolerance on every time claim', () => {
    const { verifier } = setUp();
    const edge = { ...valid(), exp: NOW - CLOCK_TOLERANCE_SECONDS + 1, nbf: NOW + CLOCK_TOLERANCE_SECONDS };
    expect(verifier.verify(token({ ...edge, iat: NOW + CLOCK_TOLERANCE_SECONDS }))).toMatchObject({
      sub: 'auth0|alice',
    });
  });

  it('should refuse a revoked subject, and a remembered token once its subject is revoked', async () => {
    const { verifier, revoked } = setUp();
    const value = token();
    expect(verifier.verify(value)).toMatchObject({ sub: 'auth0|alice' });
    revoked.add('auth0|alice');
    await expect(outcome(verifier, value)).resolves.toMatch(/revoked/);
    await expect(outcome(verifier, token({ ...valid(), iat: NOW - 1 }))).resolves.toMatch(/revoked/);
  });

  it('should remember a verified token until the earlier of exp and iat + the maximum age, plus tolerance', () => {
    const { verifier, cache, clock } = setUp();
    const old = { ...valid(), iat: NOW - MAX_TOKEN_AGE_SECONDS + 60, exp: NOW + 3_600 };
    const value = token(old);
    expect(verifier.verify(value)).toMatchObject({ sub: 'auth0|alice' });
    expect(cache.lookup(value)).toMatchObject({ sub: 'auth0|alice' });
    clock.ms = (old.iat + MAX_TOKEN_AGE_SECONDS + CLOCK_TOLERANCE_SECONDS - 1) * 1000;
    expect(cache.lookup(value)).toBeDefined();
    clock.ms += 1000;
    expect(cache.lookup(value)).toBeUndefined();
  });

  it('should forget a remembered token when its key is rotated out', async () => {
    const { verifier, keys } = setUp();
    const value = token();
    expect(verifier.verify(value)).toMatchObject({ sub: 'auth0|alice' });
    keys.delete('k1');
    await expect(outcome(verifier, value)).resolves.toMatch(/unknown key/);
  });

  it('should end every signed token, whatever its payload, in a caller or a 401, never anything else', async () => {
    const { verifier } = setUp();
    const claim = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(RULES.issuer, RULES.audience, [RULES.audience], NOW, NOW + 600, 'auth0|alice', ['read:records']),
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
        const result = await outcome(verifier, signed(json));
        if (typeof result !== 'string') expect(typeof result.sub).toBe('string');
      }),
      { seed: 20_261_203, numRuns: 300 },
    );
  });

  /**
   * Differential test: the verifier accepts a token exactly when jsonwebtoken (the library it
   * replaced on the hot path) accepts it with the same options AND Steward's stricter rules hold.
   */
  it('should accept exactly what jsonwebtoken accepts with the same options, less what Steward refuses on top', async () => {
    const { verifier } = setUp();
    // Each field is mostly valid, so that a good share of the tokens passes and every rule decides some.
    const mostly = <T>(value: T, ...others: unknown[]) =>
      fc.oneof(
        { arbitrary: fc.constant(value), weight: 5 },
        { arbitrary: fc.constantFrom(...(others as T[])), weight: 1 },
      );
    const around = (center: number) =>
      fc.oneof(
        { arbitrary: fc.integer({ min: center - 12, max: center + 12 }), weight: 5 },
        { arbitrary: fc.constantFrom(undefined, String(center), null), weight: 1 },
      );
    const claims = fc.record({
      iss: mostly(RULES.issuer, 'https://tenant.test', 'https://evil.test/', undefined, 7),
      aud: mostly(RULES.audience, [RULES.audience, 'x'], ['x'], [], 'x', undefined, null),
      sub: mostly('auth0|alice', '', undefined, 5),
      exp: around(NOW + 6),
      iat: fc.oneof(around(NOW - 6), around(NOW - MAX_TOKEN_AGE_SECONDS)),
      nbf: around(NOW),
    });
    const header = fc.record({
      alg: mostly('RS256', 'RS512', 'PS256', 'HS256', 'none'),
      kid: mostly('k1', 'unknown', undefined),
      typ: mostly('JWT', 'at+jwt', 'id_token', undefined),
      crit: mostly(undefined, ['exp']),
    });
    const signer = mostly<KeyObject>(trusted.privateKey, stranger.privateKey);
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(claims, header, signer, async (payload, protectedHeader, key) => {
        const value = signed(JSON.stringify(payload), protectedHeader, key);
        const ours = typeof (await outcome(verifier, value)) !== 'string';
        expect(ours).toBe(libraryAccepts(value) && stewardRulesHold(payload, protectedHeader));
        if (ours) accepted++;
      }),
      { seed: 20_261_204, numRuns: 1_500 },
    );
    // Both sides of the comparison were exercised, not only refusals.
    expect(accepted).toBeGreaterThan(50);
  });
});

function libraryAccepts(value: string): boolean {
  try {
    jwt.verify(value, trusted.publicKey, {
      algorithms: ['RS256'],
      issuer: RULES.issuer,
      audience: RULES.audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxAge: MAX_TOKEN_AGE_SECONDS,
      clockTimestamp: NOW,
    });
    return true;
  } catch {
    return false;
  }
}

/** What Steward refuses beyond jsonwebtoken's checks: a named known key, typ, crit, exp, subject, iat. */
function stewardRulesHold(payload: Record<string, unknown>, header: Record<string, unknown>): boolean {
  return (
    header['kid'] === 'k1' &&
    (header['typ'] === undefined || header['typ'] === 'JWT' || header['typ'] === 'at+jwt') &&
    header['crit'] === undefined &&
    typeof payload['exp'] === 'number' &&
    typeof payload['sub'] === 'string' &&
    payload['sub'] !== '' &&
    typeof payload['iat'] === 'number' &&
    payload['iat'] <= NOW + CLOCK_TOLERANCE_SECONDS
  );
}
