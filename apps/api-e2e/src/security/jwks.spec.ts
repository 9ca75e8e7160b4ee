import { API_AUDIENCE, FakeIssuer, startApi, type RunningApi } from '@steward/testing-util';
import { bearer, expectRefusal, within } from '../support/http';

const COOLDOWN_SECONDS = 2;

/** SPEC §4 rule 4: JWKS caching, fetch-storm protection, rotation and outages. */
describe('JWKS handling', () => {
  let issuer: FakeIssuer;
  let api: RunningApi;
  const now = () => Math.floor(Date.now() / 1000);
  const claims = () => ({
    iss: issuer.url,
    sub: 'auth0|jwks',
    aud: API_AUDIENCE,
    iat: now(),
    exp: now() + 600,
    permissions: [],
  });
  const me = (token: string) => fetch(`${api.url}/api/me`, { headers: bearer(token) });
  const afterCooldown = () => new Promise((resolve) => setTimeout(resolve, COOLDOWN_SECONDS * 1000 + 200));

  beforeEach(async () => {
    issuer = await FakeIssuer.start();
    api = await startApi({ issuer: issuer.url, env: { AUTH0_JWKS_COOLDOWN_SECONDS: String(COOLDOWN_SECONDS) } });
  });

  afterEach(async () => {
    await api?.stop();
    await issuer?.stop();
  });

  it('should fetch the keys once and then verify from cache', async () => {
    for (let i = 0; i < 5; i += 1) expect((await me(issuer.sign(claims()))).status).toBe(200);
    expect(issuer.jwksFetches).toBe(1);
  });

  it('should not turn a flood of forged key ids into a flood of JWKS fetches', async () => {
    expect((await me(issuer.sign(claims()))).status).toBe(200);
    const before = issuer.jwksFetches;
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => me(issuer.sign(claims(), { kid: `forged-${i}` }))),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(40).fill(401));
    expect(issuer.jwksFetches - before).toBeLessThanOrEqual(1);
  });

  it('should pick up a rotated key without a restart', async () => {
    expect((await me(issuer.sign(claims()))).status).toBe(200);
    await afterCooldown();
    const next = issuer.rotate('key-2');
    const response = await me(issuer.sign(claims(), {}, next));
    expect(response.status).toBe(200);
    expect(issuer.jwksFetches).toBe(2);
  });

  it('should stop accepting a retired key once the keys are refreshed', async () => {
    expect((await me(issuer.sign(claims()))).status).toBe(200);
    await afterCooldown();
    const next = issuer.rotate('key-2');
    issuer.retire('key-1');
    expect((await me(issuer.sign(claims(), {}, next))).status).toBe(200);
    await expectRefusal(await me(issuer.sign(claims())), { status: 401, error: 'invalid_token' });
  });

  it('should keep verifying with cached keys while the JWKS endpoint is down, and refuse new kids with 401', async () => {
    expect((await me(issuer.sign(claims()))).status).toBe(200);
    issuer.mode = 'down';
    await afterCooldown();
    await expectRefusal(await me(issuer.sign(claims(), {}, issuer.rotate('key-2'))), {
      status: 401,
      error: 'invalid_token',
    });
    expect((await me(issuer.sign(claims()))).status).toBe(200);
  });

  it('should give up on a JWKS endpoint that hangs within 5 s, answering 401, not 500', async () => {
    expect((await me(issuer.sign(claims()))).status).toBe(200);
    issuer.mode = 'slow';
    await afterCooldown();
    const started = Date.now();
    await expectRefusal(await me(issuer.sign(claims(), {}, issuer.rotate('key-2'))), {
      status: 401,
      error: 'invalid_token',
    });
    expect(Date.now() - started).toBeLessThan(6_500);
    expect((await me(issuer.sign(claims()))).status).toBe(200);
  }, 20_000);

  it('should start even when the issuer is down, and recover once it is back', async () => {
    issuer.mode = 'down';
    await expectRefusal(await me(issuer.sign(claims())), { status: 401, error: 'invalid_token' });
    expect((await fetch(`${api.url}/api/health/ready`)).status).toBe(503);
    issuer.mode = 'up';
    await within(COOLDOWN_SECONDS * 1000 + 2_000, async () => (await me(issuer.sign(claims()))).status === 200);
    expect((await fetch(`${api.url}/api/health/ready`)).status).toBe(200);
  });
});
