import { API_AUDIENCE, passwordGrant, TEST_USERS } from '@steward/testing-util';
import { stack } from '../support/stack';

const { tenantUrl } = stack();

function decode(jwt: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
} {
  const [header, payload] = jwt
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
  return { header, payload };
}

function token(body: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${tenantUrl}/oauth/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    },
    body: new URLSearchParams(body),
  });
}

const management = {
  grant_type: 'client_credentials',
  client_id: 'steward-management',
  client_secret: 'dev-tenant-fixture-management-secret',
};

describe('Dev tenant (Auth0-compatible)', () => {
  describe('discovery', () => {
    it("should advertise Auth0's endpoint paths and RS256", async () => {
      const discovery = await (await fetch(`${tenantUrl}/.well-known/openid-configuration`)).json();
      expect(discovery).toMatchObject({
        issuer: `${tenantUrl}/`,
        authorization_endpoint: `${tenantUrl}/authorize`,
        token_endpoint: `${tenantUrl}/oauth/token`,
        userinfo_endpoint: `${tenantUrl}/userinfo`,
        jwks_uri: `${tenantUrl}/.well-known/jwks.json`,
        end_session_endpoint: `${tenantUrl}/v2/logout`,
        revocation_endpoint: `${tenantUrl}/oauth/revoke`,
        code_challenge_methods_supported: ['S256'],
      });
      expect(discovery.response_modes_supported).toContain('web_message');
      expect(discovery.grant_types_supported).toEqual(
        expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials', 'password']),
      );
    });

    it('should publish public signing keys only', async () => {
      const { keys } = await (await fetch(`${tenantUrl}/.well-known/jwks.json`)).json();
      expect(keys).toEqual([
        expect.objectContaining({
          kty: 'RSA',
          alg: 'RS256',
          use: 'sig',
          kid: expect.any(String),
        }),
      ]);
      for (const privateMember of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(keys[0]).not.toHaveProperty(privateMember);
    });
  });

  describe('password grant', () => {
    it('should issue Auth0-shaped access tokens with RBAC permissions and the roles claim', async () => {
      const tokens = await passwordGrant(tenantUrl, 'staff@steward.local');
      const { header, payload } = decode(tokens.access_token);
      expect(header).toEqual({
        alg: 'RS256',
        typ: 'JWT',
        kid: expect.any(String),
      });
      expect(payload).toEqual({
        iss: `${tenantUrl}/`,
        sub: expect.stringMatching(/^auth0\|[0-9a-f]{24}$/),
        aud: [API_AUDIENCE, `${tenantUrl}/userinfo`],
        azp: 'steward-cli',
        scope: 'openid profile email',
        gty: 'password',
        iat: expect.any(Number),
        exp: expect.any(Number),
        permissions: ['read:records', 'create:records', 'update:records'],
        'https://steward.local/roles': ['staff'],
        'https://steward.local/email': 'staff@steward.local',
        'https://steward.local/name': 'Sam Staff',
      });
      expect(tokens.refresh_token).toEqual(expect.any(String));
      expect(decode(tokens.id_token ?? '').payload).toMatchObject({
        aud: 'steward-cli',
        email: 'staff@steward.local',
        name: 'Sam Staff',
      });
    });

    it("should answer a wrong password with Auth0's invalid_grant", async () => {
      const response = await token({
        grant_type: 'password',
        client_id: 'steward-cli',
        username: 'admin@steward.local',
        password: 'nope',
        audience: API_AUDIENCE,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'invalid_grant',
        error_description: 'Wrong email or password.',
      });
    });

    it("should tell a blocked user Auth0's 'user is blocked'", async () => {
      await expect(passwordGrant(tenantUrl, TEST_USERS.blocked.email)).rejects.toThrow('user is blocked');
    });

    it('should refuse the grant to a client that does not allow it (the console)', async () => {
      const response = await token({
        grant_type: 'password',
        client_id: 'steward-console',
        username: 'admin@steward.local',
        password: 'x',
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error: 'unauthorized_client',
        error_description: "Grant type 'password' not allowed for the client.",
      });
    });
  });

  describe('refresh tokens', () => {
    it("should rotate, and refuse a used refresh token with Auth0's wording", async () => {
      const first = await passwordGrant(tenantUrl, 'viewer@steward.local');
      const refresh = {
        grant_type: 'refresh_token',
        client_id: 'steward-cli',
        refresh_token: first.refresh_token ?? '',
      };
      const rotated = await token(refresh);
      expect(rotated.status).toBe(200);
      const body = await rotated.json();
      expect(body.refresh_token).not.toBe(first.refresh_token);
      expect(body.id_token).toEqual(expect.any(String));
      expect(decode(body.access_token).payload['aud']).toEqual([API_AUDIENCE, `${tenantUrl}/userinfo`]);

      const reused = await token(refresh);
      expect(reused.status).toBe(400);
      expect(await reused.json()).toEqual({
        error: 'invalid_grant',
        error_description: 'Unknown or invalid refresh token.',
      });
    });
  });

  describe('client credentials', () => {
    it('should issue a machine token for the Management API with the granted scopes', async () => {
      const response = await token({
        ...management,
        audience: `https://localhost:${new URL(tenantUrl).port}/api/v2/`,
      });
      expect(response.status).toBe(200);
      const { payload } = decode((await response.json()).access_token);
      expect(payload).toMatchObject({
        sub: 'steward-management@clients',
        gty: 'client-credentials',
        azp: 'steward-management',
        scope: expect.stringContaining('read:users'),
      });
    });

    it('should refuse an audience the client has no grant for', async () => {
      const response = await token({ ...management, audience: API_AUDIENCE });
      expect(response.status).toBe(400);
      expect((await response.json()).error).toBe('access_denied');
    });

    it('should refuse a wrong client secret', async () => {
      const response = await token({
        ...management,
        client_secret: 'guess',
        audience: API_AUDIENCE,
      });
      expect(response.status).toBe(401);
      expect((await response.json()).error).toBe('invalid_client');
    });
  });

  describe('/userinfo', () => {
    it('should answer the API access token with the profile, like Auth0', async () => {
      const { access_token } = await passwordGrant(tenantUrl, 'admin@steward.local');
      const response = await fetch(`${tenantUrl}/userinfo`, {
        headers: { authorization: `Bearer ${access_token}` },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        email: 'admin@steward.local',
        name: 'Ada Admin',
        sub: expect.stringMatching(/^auth0\|/),
      });
    });

    it('should refuse a request without a valid token', async () => {
      expect(
        (
          await fetch(`${tenantUrl}/userinfo`, {
            headers: { authorization: 'Bearer x.y.z' },
          })
        ).status,
      ).toBe(401);
    });
  });

  describe('CORS on the token endpoint', () => {
    const preflight = (origin: string) =>
      fetch(`${tenantUrl}/oauth/token`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'auth0-client,content-type',
        },
      });

    it("should allow the console's origin (Allowed Web Origins)", async () => {
      const response = await preflight('http://localhost:4200');
      expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:4200');
    });

    it('should not allow any other origin to use a token', async () => {
      const response = await fetch(`${tenantUrl}/oauth/token`, {
        method: 'POST',
        headers: {
          origin: 'https://evil.example.com',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          client_id: 'steward-console',
          refresh_token: 'x',
        }),
      });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
