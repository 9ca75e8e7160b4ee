import {
  accessTokenClaims,
  signJwt,
  startTcpProxy,
  tenantSigningKey,
  type RunningApi,
  type TcpProxy,
} from '@steward/testing-util';
import { randomUUID } from 'node:crypto';
import { bearer, within } from '../support/http';
import { userTokens } from '../support/records';
import { stack } from '../support/stack';
import { startUsersApi, UsersApi, userPath } from '../users/users-api';
import { sample } from '../support/metrics';

const PER_USER = 20;
const REDIS = { host: '127.0.0.1', port: Number(process.env['TEST_REDIS_PORT'] ?? 6379) };

/** A valid token of a user of the dev tenant, signed with its key, for a subject of our choosing. */
function tokenFor(sub: string): string {
  const { tenantUrl, tenantDataDir } = stack();
  return signJwt(accessTokenClaims(tenantUrl, { sub, permissions: ['read:records'] }), tenantSigningKey(tenantDataDir));
}

/** What the readiness route says of Redis. */
async function redisReadiness(api: RunningApi): Promise<{ status: number; redis?: { state: string } }> {
  const response = await fetch(`${api.url}/api/health/ready`);
  const body = (await response.json()) as { info?: { redis?: { state: string } } };
  return { status: response.status, redis: body.info?.redis };
}

const metricsOf = async (api: RunningApi) => (await fetch(api.metricsUrl)).text();

/**
 * SPEC §11 with REDIS_URL: two API instances on one database and one Redis (behind a TCP proxy
 * the test can take down) share one budget per user, learn of revocations at once, and keep
 * serving while Redis is away — each on its own counters — then share again once it is back.
 */
describe('Shared state across instances (Redis)', () => {
  let proxy: TcpProxy;
  let one: RunningApi;
  let two: RunningApi;

  /** `count` calls of GET /api/me as `sub`, alternating between the instances, one after the other. */
  async function spend(sub: string, count: number, apis = [one, two]): Promise<number[]> {
    const token = tokenFor(sub);
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) {
      statuses.push((await fetch(`${apis[i % apis.length].url}/api/me`, { headers: bearer(token) })).status);
    }
    return statuses;
  }

  beforeAll(async () => {
    proxy = await startTcpProxy(REDIS);
    const env = {
      REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
      RATE_LIMIT_PER_USER: String(PER_USER),
      MANAGEMENT_BUDGET_PER_USER: '1000',
    };
    one = await startUsersApi(stack().tenantUrl, { env });
    two = await startUsersApi(stack().tenantUrl, { env, database: { url: one.databaseUrl } });
  });

  afterAll(async () => {
    await two?.stop();
    await one?.stop();
    await proxy?.stop();
  });

  it('should report Redis in readiness and metrics', async () => {
    for (const api of [one, two]) {
      expect(await redisReadiness(api)).toEqual({ status: 200, redis: { status: 'up', state: 'shared' } });
      expect(sample(await metricsOf(api), 'steward_redis_up')).toBe(1);
    }
  });

  it('should give a user one budget across the instances: 429 from the configured limit on', async () => {
    const statuses = await spend(`auth0|budget-${randomUUID()}`, PER_USER + 10);
    const firstRefusal = statuses.indexOf(429);
    // Exact: every hit is counted atomically in Redis, whichever instance takes it.
    expect(firstRefusal).toBe(PER_USER);
    expect(statuses.slice(0, PER_USER).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(PER_USER).every((status) => status === 429)).toBe(true);
  });

  it('should hold one budget under concurrent calls to both instances, within a small margin', async () => {
    const token = tokenFor(`auth0|concurrent-${randomUUID()}`);
    const statuses = await Promise.all(
      Array.from({ length: PER_USER * 2 }, (_, i) =>
        fetch(`${[one, two][i % 2].url}/api/me`, { headers: bearer(token) }).then((response) => response.status),
      ),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(PER_USER);
    expect(statuses.filter((status) => status === 429)).toHaveLength(PER_USER);
  });

  it('should refuse a user blocked through one instance on the other within 2 s', async () => {
    const users = new UsersApi(one.url, stack().tenantUrl, (await userTokens()).admin);
    const { id } = await users.invite(['viewer']);
    const token = tokenFor(id);
    const seenByTwo = async () =>
      (await (await fetch(`${two.url}/api${userPath(id)}`, { headers: bearer(users.adminToken) })).json()) as {
        blocked: boolean;
      };
    try {
      expect((await fetch(`${two.url}/api/me`, { headers: bearer(token) })).status).toBe(200);
      expect(await seenByTwo()).toMatchObject({ blocked: false }); // now in the shared read cache
      const blocked = await users.call(users.adminToken, userPath(id), { method: 'PATCH', body: { blocked: true } });
      expect(blocked.status).toBe(200);
      const elapsed = await within(2_000, async () => {
        return (await fetch(`${two.url}/api/me`, { headers: bearer(token) })).status === 401;
      });
      expect(elapsed).toBeLessThanOrEqual(2_000);
      // The write through one instance invalidated the read cache for the other.
      expect(await seenByTwo()).toMatchObject({ blocked: true });
    } finally {
      await users.call(users.adminToken, userPath(id), { method: 'DELETE' });
    }
  });

  it('should keep serving while Redis is down, say so, and share counters again once it is back', async () => {
    const before = sample(await metricsOf(one), 'steward_redis_fallbacks_total{use="rate_limit"}');
    proxy.setAvailable(false);
    try {
      await within(5_000, async () => (await redisReadiness(one)).redis?.state === 'degraded');
      // Every instance counts on its own: each lets the user have the whole budget.
      const sub = `auth0|outage-${randomUUID()}`;
      expect(await spend(sub, PER_USER, [one])).toEqual(Array(PER_USER).fill(200));
      expect(await spend(sub, PER_USER, [two])).toEqual(Array(PER_USER).fill(200));

      const degraded = await redisReadiness(two);
      expect(degraded.status).toBe(200);
      expect(degraded.redis).toMatchObject({
        status: 'up',
        state: 'degraded',
        detail: expect.stringMatching(/per instance/),
      });
      const text = await metricsOf(one);
      expect(sample(text, 'steward_redis_up')).toBe(0);
      expect(sample(text, 'steward_redis_fallbacks_total{use="rate_limit"}')).toBeGreaterThanOrEqual(before + PER_USER);
    } finally {
      proxy.setAvailable(true);
    }

    await within(10_000, async () => (await redisReadiness(one)).redis?.state === 'shared');
    await within(10_000, async () => (await redisReadiness(two)).redis?.state === 'shared');
    expect(sample(await metricsOf(two), 'steward_redis_up')).toBe(1);
    const statuses = await spend(`auth0|after-${randomUUID()}`, PER_USER + 2);
    expect(statuses.indexOf(429)).toBe(PER_USER);
  });
});
