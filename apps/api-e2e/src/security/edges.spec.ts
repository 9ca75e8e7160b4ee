import { API_AUDIENCE, FakeIssuer, startApi, type RunningApi } from '@steward/testing-util';
import { bearer } from '../support/http';

const CONSOLE = 'https://console.example.com';

/** SPEC §10 and the hardened edges: CORS, headers, request ids, unknown routes and methods, rate limits. */
describe('HTTP edges', () => {
  let issuer: FakeIssuer;
  let api: RunningApi;
  const now = () => Math.floor(Date.now() / 1000);
  const token = (sub = 'auth0|edge') =>
    issuer.sign({ iss: issuer.url, sub, aud: API_AUDIENCE, iat: now(), exp: now() + 600, permissions: [] });

  beforeAll(async () => {
    issuer = await FakeIssuer.start();
    api = await startApi({
      issuer: issuer.url,
      corsOrigin: CONSOLE,
      env: { RATE_LIMIT_PER_ADDRESS: '1000', RATE_LIMIT_PER_USER: '5' },
    });
  });

  afterAll(async () => {
    await api?.stop();
    await issuer?.stop();
  });

  describe('CORS', () => {
    it('should allow exactly the configured console origin', async () => {
      const response = await fetch(`${api.url}/api/me`, {
        headers: { origin: CONSOLE, ...bearer(token('auth0|cors')) },
      });
      expect(response.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    });

    it('should neither reflect another origin nor answer with a wildcard', async () => {
      for (const origin of ['https://evil.example.com', `${CONSOLE}.evil.example.com`, 'null']) {
        const preflight = await fetch(`${api.url}/api/me`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'GET',
            'access-control-request-headers': 'authorization',
          },
        });
        expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
        const simple = await fetch(`${api.url}/api/health`, { headers: { origin } });
        expect(simple.headers.get('access-control-allow-origin')).toBeNull();
      }
    });
  });

  describe('security headers', () => {
    it('should forbid sniffing, framing and caching of API responses', async () => {
      const response = await fetch(`${api.url}/api/me`, { headers: bearer(token('auth0|headers')) });
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-powered-by')).toBeNull();
    });

    it('should not send HSTS outside production', async () => {
      expect((await fetch(`${api.url}/api/health`)).headers.get('strict-transport-security')).toBeNull();
    });
  });

  describe('request ids', () => {
    it('should give every response a request id', async () => {
      const ids = await Promise.all(
        [1, 2].map(async () => (await fetch(`${api.url}/api/health`)).headers.get('x-request-id')),
      );
      expect(ids[0]).toMatch(/^[\w-]{8,}$/);
      expect(ids[0]).not.toBe(ids[1]);
    });

    it('should never take the request id from the caller', async () => {
      for (const given of ['console-1234', `<script>${'x'.repeat(80)}`]) {
        const response = await fetch(`${api.url}/api/health`, { headers: { 'x-request-id': given } });
        expect(response.headers.get('x-request-id')).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
      }
    });
  });

  describe('unknown routes and methods', () => {
    it('should answer an unknown route with a problem+json 404', async () => {
      const response = await fetch(`${api.url}/api/does-not-exist`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = await response.text();
      expect(JSON.parse(body)).toEqual({ type: 'about:blank', title: 'Not Found', status: 404 });
      expect(body).not.toMatch(/Cannot GET|fastify|nest/i);
    });

    it('should answer a known route called with the wrong method with 405 and Allow', async () => {
      const response = await fetch(`${api.url}/api/me`, { method: 'DELETE' });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
      expect(await response.json()).toMatchObject({ status: 405, title: 'Method Not Allowed' });
    });
  });

  describe('rate limits', () => {
    it('should give each user a budget and answer 429 with Retry-After once it is spent', async () => {
      const heavy = token('auth0|heavy');
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1)
        statuses.push((await fetch(`${api.url}/api/me`, { headers: bearer(heavy) })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      const limited = await fetch(`${api.url}/api/me`, { headers: bearer(heavy) });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await limited.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
      // Another user from the same address still gets through.
      expect((await fetch(`${api.url}/api/me`, { headers: bearer(token('auth0|light')) })).status).toBe(200);
    });
  });
});

describe('Per-address rate limit', () => {
  let issuer: FakeIssuer;
  let api: RunningApi;

  beforeAll(async () => {
    issuer = await FakeIssuer.start();
    api = await startApi({ issuer: issuer.url, env: { RATE_LIMIT_PER_ADDRESS: '3' } });
  });

  afterAll(async () => {
    await api?.stop();
    await issuer?.stop();
  });

  it('should cut a flood from one address before any token work', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await fetch(`${api.url}/api/me`, { headers: bearer('forged.token.value') })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await fetch(`${api.url}/api/me`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
  });
});
