import {
  accessTokenClaims,
  API_AUDIENCE,
  passwordGrant,
  signJwt,
  strangerKey,
  tenantSigningKey,
  type SigningKey,
} from '@steward/testing-util';
import { stack } from '../support/stack';

const { apiUrl, tenantUrl, tenantDataDir } = stack();

function me(headers: Record<string, string> = {}, query = ''): Promise<Response> {
  return fetch(`${apiUrl}/api/me${query}`, { headers });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Asserts an RFC 6750 refusal whose body gives nothing away. */
async function expectRefusal(response: Response, status: number, error: string | null, token?: string): Promise<void> {
  expect(response.status).toBe(status);
  const challenge = response.headers.get('www-authenticate') ?? '';
  expect(challenge).toMatch(/^Bearer realm="api"/);
  if (error) expect(challenge).toContain(`error="${error}"`);
  else expect(challenge).toBe('Bearer realm="api"');
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const text = await response.text();
  const problem = JSON.parse(text) as {
    status: number;
    title: string;
    detail: string;
  };
  expect(problem.status).toBe(status);
  for (const secret of [token, API_AUDIENCE, tenantUrl, 'jsonwebtoken', 'passport', 'stack']) {
    if (secret) expect(text).not.toContain(secret);
  }
}

describe('Access tokens at the API (SPEC §4)', () => {
  let tenantKey: SigningKey;
  beforeAll(() => {
    tenantKey = tenantSigningKey(tenantDataDir);
  });

  describe('GET /api/health', () => {
    it('should answer without a token', async () => {
      const response = await fetch(`${apiUrl}/api/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });
  });

  describe('a token the dev tenant issued for this API', () => {
    it('should be accepted and tell the admin who they are', async () => {
      const { access_token } = await passwordGrant(tenantUrl, 'admin@steward.local');
      const response = await me(bearer(access_token));
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body).toEqual({
        sub: expect.stringMatching(/^auth0\|/),
        email: 'admin@steward.local',
        name: 'Ada Admin',
        roles: ['admin'],
        permissions: [
          'create:records',
          'create:users',
          'delete:records',
          'delete:users',
          'read:audit',
          'read:records',
          'read:users',
          'update:records',
          'update:users',
        ],
      });
    });

    it("should carry only a viewer's permissions for a viewer", async () => {
      const { access_token } = await passwordGrant(tenantUrl, 'viewer@steward.local');
      const body = await (await me(bearer(access_token))).json();
      expect(body).toMatchObject({
        roles: ['viewer'],
        permissions: ['read:records'],
      });
    });
  });

  describe('requests without a usable credential', () => {
    it('should answer 401 with a bare challenge when there is no token', async () => {
      await expectRefusal(await me(), 401, null);
    });

    it('should not take a token from the query string', async () => {
      const { access_token } = await passwordGrant(tenantUrl, 'admin@steward.local');
      await expectRefusal(await me({}, `?access_token=${access_token}`), 401, null, access_token);
    });

    it('should treat another scheme as no credential', async () => {
      await expectRefusal(await me({ authorization: 'Basic YWRtaW46cGFzcw==' }), 401, null);
    });

    it('should refuse a header token sent together with an access_token parameter (400 invalid_request)', async () => {
      const { access_token } = await passwordGrant(tenantUrl, 'admin@steward.local');
      await expectRefusal(
        await me(bearer(access_token), `?access_token=${access_token}`),
        400,
        'invalid_request',
        access_token,
      );
    });
  });

  describe('tokens that must be refused with invalid_token', () => {
    const cases: [string, () => Promise<string> | string][] = [
      ['a garbage token', () => 'not-a-jwt'],
      ['a token of three garbage parts', () => 'abc.def.ghi'],
      [
        'an expired token',
        () =>
          signJwt(
            accessTokenClaims(tenantUrl, {
              exp: Math.floor(Date.now() / 1000) - 60,
            }),
            tenantKey,
          ),
      ],
      [
        'a token for another API',
        () =>
          signJwt(
            accessTokenClaims(tenantUrl, {
              aud: 'https://other-api.example.com/',
            }),
            tenantKey,
          ),
      ],
      [
        'a token from another issuer',
        () => signJwt(accessTokenClaims(tenantUrl, { iss: 'https://evil.example.com/' }), tenantKey),
      ],
      ['an ID token', async () => (await passwordGrant(tenantUrl, 'admin@steward.local')).id_token ?? ''],
      ['a token signed by an unknown key', () => signJwt(accessTokenClaims(tenantUrl), strangerKey())],
      [
        "a token signed by another key under the tenant key's kid",
        () => signJwt(accessTokenClaims(tenantUrl), strangerKey(tenantKey.kid)),
      ],
      [
        'a token without exp',
        () => {
          const { exp: _exp, ...claims } = accessTokenClaims(tenantUrl);
          return signJwt(claims, tenantKey);
        },
      ],
      [
        'a token not valid yet',
        () =>
          signJwt(
            accessTokenClaims(tenantUrl, {
              nbf: Math.floor(Date.now() / 1000) + 120,
            }),
            tenantKey,
          ),
      ],
      [
        'an unsigned token (alg none)',
        () => {
          const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
          return `${encode({ alg: 'none', typ: 'JWT', kid: tenantKey.kid })}.${encode(accessTokenClaims(tenantUrl))}.`;
        },
      ],
      [
        'a token naming its own key (jku)',
        () =>
          signJwt(accessTokenClaims(tenantUrl), tenantKey, {
            jku: 'https://evil.example.com/jwks',
          }),
      ],
      [
        'a token with an unknown critical header',
        () =>
          signJwt(accessTokenClaims(tenantUrl), tenantKey, {
            crit: ['exp-x'],
            'exp-x': 1,
          }),
      ],
      ['a token without kid', () => signJwt(accessTokenClaims(tenantUrl), tenantKey, { kid: undefined })],
    ];

    it.each(cases)('should refuse %s', async (_name, makeToken) => {
      const token = await makeToken();
      await expectRefusal(await me(bearer(token)), 401, 'invalid_token', token);
    });
  });

  describe('machine tokens', () => {
    it('should never be treated as a user (403 insufficient_scope)', async () => {
      const token = signJwt(
        accessTokenClaims(tenantUrl, {
          sub: 'steward-management@clients',
          gty: 'client-credentials',
          azp: 'steward-management',
          permissions: undefined,
          scope: 'read:records',
        }),
        tenantKey,
      );
      await expectRefusal(await me(bearer(token)), 403, 'insufficient_scope', token);
    });
  });

  describe('routes that do not exist', () => {
    it('should answer 404 with a problem body', async () => {
      const response = await fetch(`${apiUrl}/api/nowhere`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });
  });
});
