import { API_AUDIENCE, FakeIssuer, startApi, strangerKey, type RunningApi } from '@steward/testing-util';
import { createHmac, createPublicKey } from 'node:crypto';
import { bearer, expectRefusal } from '../support/http';

/**
 * SPEC §4 rules 1–3 and 5–7 against an issuer whose keys the suite holds, so every token below is
 * validly signed unless the case is about the signature.
 */
describe('Token rules (SPEC §4)', () => {
  let issuer: FakeIssuer;
  let api: RunningApi;
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (overrides: Record<string, unknown> = {}) => ({
    iss: issuer.url,
    sub: 'auth0|alice',
    aud: [API_AUDIENCE, `${issuer.url}userinfo`],
    azp: 'steward-console',
    iat: now(),
    exp: now() + 600,
    scope: 'openid profile email',
    permissions: ['read:records'],
    'https://steward.local/roles': ['viewer'],
    ...overrides,
  });
  const me = (headers: Record<string, string> = {}, query = '') => fetch(`${api.url}/api/me${query}`, { headers });
  const b64 = (part: unknown) => Buffer.from(JSON.stringify(part)).toString('base64url');

  beforeAll(async () => {
    issuer = await FakeIssuer.start();
    api = await startApi({ issuer: issuer.url });
  });

  afterAll(async () => {
    await api?.stop();
    await issuer?.stop();
  });

  it('should accept a well-formed token and report the caller', async () => {
    const response = await me(bearer(issuer.sign(claims())));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      sub: 'auth0|alice',
      email: null,
      name: null,
      roles: ['viewer'],
      permissions: ['read:records'],
    });
  });

  describe('where the credential is', () => {
    it('should refuse a request without credentials with a bare challenge', async () => {
      await expectRefusal(await me(), { status: 401, error: null });
    });

    it('should treat another scheme as no credentials', async () => {
      await expectRefusal(await me({ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }), {
        status: 401,
        error: null,
      });
    });

    it('should not take a token from the query string', async () => {
      const token = issuer.sign(claims());
      await expectRefusal(await me({}, `?access_token=${token}`), { status: 401, error: null }, [token]);
    });

    it('should answer a header token plus an access_token parameter with 400 invalid_request', async () => {
      const token = issuer.sign(claims());
      await expectRefusal(
        await me(bearer(token), `?access_token=${token}`),
        { status: 400, error: 'invalid_request' },
        [token],
      );
    });

    it('should refuse a Bearer value that is not a b64token', async () => {
      await expectRefusal(await me({ authorization: 'Bearer abc def' }), { status: 401, error: 'invalid_token' });
    });
  });

  describe('header', () => {
    const cases: [string, () => string][] = [
      ['alg none', () => `${b64({ alg: 'none', kid: 'key-1' })}.${b64(claims())}.`],
      [
        'alg HS256 keyed with the public key',
        () => {
          const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: 'key-1' })}.${b64(claims())}`;
          const publicPem = createPublicKey(issuer.key.key).export({ format: 'pem', type: 'spki' });
          return `${input}.${createHmac('sha256', publicPem).update(input).digest('base64url')}`;
        },
      ],
      ['alg RS512', () => issuer.sign(claims(), { alg: 'RS512' })],
      ['no kid', () => issuer.sign(claims(), { kid: undefined })],
      ['an unknown kid', () => issuer.sign(claims(), { kid: 'nobody-knows' })],
      ['a jku header', () => issuer.sign(claims(), { jku: 'https://evil.example.com/jwks.json' })],
      ['an x5u header', () => issuer.sign(claims(), { x5u: 'https://evil.example.com/cert.pem' })],
      [
        'an embedded jwk',
        () => issuer.sign(claims(), { jwk: createPublicKey(issuer.key.key).export({ format: 'jwk' }) }),
      ],
      ['an x5c chain', () => issuer.sign(claims(), { x5c: ['MIIB'] })],
      ['an unknown crit extension', () => issuer.sign(claims(), { crit: ['urn:x'], 'urn:x': true })],
      ['typ of a non-access token', () => issuer.sign(claims(), { typ: 'dpop+jwt' })],
      ['a header that is not JSON', () => `${Buffer.from('nope').toString('base64url')}.${b64(claims())}.sig`],
    ];
    it.each(cases)('should refuse %s', async (_name, make) => {
      const token = make();
      await expectRefusal(await me(bearer(token)), { status: 401, error: 'invalid_token' }, [token]);
    });
  });

  describe('signature', () => {
    it('should refuse a token whose payload was altered after signing', async () => {
      const [header, , signature] = issuer.sign(claims()).split('.');
      const forged = `${header}.${b64(claims({ permissions: ['read:records', 'delete:users'] }))}.${signature}`;
      await expectRefusal(await me(bearer(forged)), { status: 401, error: 'invalid_token' }, [forged]);
    });

    it("should refuse a token signed by another key under the issuer's kid", async () => {
      const token = issuer.sign(claims(), {}, strangerKey('key-1'));
      await expectRefusal(await me(bearer(token)), { status: 401, error: 'invalid_token' }, [token]);
    });
  });

  describe('claims', () => {
    const refused: [string, () => Record<string, unknown> | string | unknown[]][] = [
      ['an expired token', () => claims({ exp: now() - 30 })],
      ['a token without exp', () => ({ ...claims(), exp: undefined })],
      ['a token not valid before a time 60 s ahead', () => claims({ nbf: now() + 60 })],
      ['a token issued 60 s in the future', () => claims({ iat: now() + 60 })],
      ['a token older than the maximum age', () => claims({ iat: now() - 2 * 86400 })],
      ['a token without iat', () => ({ ...claims(), iat: undefined })],
      ['another issuer', () => claims({ iss: 'https://evil.example.com/' })],
      ['the issuer without its trailing slash', () => claims({ iss: issuer.url.replace(/\/$/, '') })],
      ['another audience', () => claims({ aud: 'https://other.example.com/' })],
      ['no audience', () => ({ ...claims(), aud: undefined })],
      ['an ID token (audience = the client id)', () => claims({ aud: 'steward-console', nonce: 'n' })],
      ['no subject', () => ({ ...claims(), sub: undefined })],
      ['a payload that is a JSON array', () => [claims()]],
      ['a payload that is a JSON string', () => 'hello'],
    ];
    it.each(refused)('should refuse %s', async (_name, make) => {
      const token = issuer.sign(make());
      await expectRefusal(await me(bearer(token)), { status: 401, error: 'invalid_token' }, [token, issuer.url]);
    });

    it('should say when a token expired', async () => {
      const detail = await expectRefusal(await me(bearer(issuer.sign(claims({ exp: now() - 30 })))), {
        status: 401,
        error: 'invalid_token',
      });
      expect(detail).toContain('expired');
    });

    it('should honour a clock skew of a few seconds', async () => {
      expect((await me(bearer(issuer.sign(claims({ exp: now() - 2 }))))).status).toBe(200);
      expect((await me(bearer(issuer.sign(claims({ nbf: now() + 2, iat: now() + 2 }))))).status).toBe(200);
    });

    it('should accept aud as a plain string', async () => {
      expect((await me(bearer(issuer.sign(claims({ aud: API_AUDIENCE }))))).status).toBe(200);
    });
  });

  describe('permissions and roles', () => {
    const permissionsOf = async (overrides: Record<string, unknown>) =>
      (await (await me(bearer(issuer.sign(claims(overrides))))).json()) as { permissions: string[]; roles: string[] };

    it('should take permissions from the scope string when there is no permissions claim', async () => {
      expect(
        (await permissionsOf({ permissions: undefined, scope: 'openid read:records update:records' })).permissions,
      ).toEqual(['read:records', 'update:records']);
    });

    it('should grant nothing for a permissions claim of the wrong type', async () => {
      expect((await permissionsOf({ permissions: 'read:records delete:users' })).permissions).toEqual([]);
    });

    it('should match permissions exactly', async () => {
      expect(
        (await permissionsOf({ permissions: ['READ:records', 'read:records:all', 'delete:*'] })).permissions,
      ).toEqual([]);
    });

    it('should read roles only from the configured claim', async () => {
      expect((await permissionsOf({ roles: ['admin'], 'https://steward.local/roles': undefined })).roles).toEqual([]);
    });
  });

  describe('machine tokens', () => {
    it.each([
      ['gty client-credentials', { gty: 'client-credentials', sub: 'steward-management@clients' }],
      ['a sub ending @clients', { sub: 'steward-management@clients' }],
    ])('should never pass a user route: %s', async (_name, overrides) => {
      const token = issuer.sign(claims(overrides));
      await expectRefusal(await me(bearer(token)), { status: 403, error: 'insufficient_scope' }, [token]);
    });
  });

  describe('logging', () => {
    it('should never write a token or an Authorization header to the log', async () => {
      const token = issuer.sign(claims({ sub: 'auth0|logged' }));
      await me(bearer(token), '?access_token=x'); // a 400, logged at warn level
      await me(bearer(`${token}x`));
      const output = api.process.output();
      expect(output).toContain('"status":400');
      expect(output).not.toContain(token.split('.')[1]);
      expect(output.toLowerCase()).not.toContain('bearer');
    });
  });
});
