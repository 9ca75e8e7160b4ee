import { FakeIssuer, startApi, type RunningApi } from '@steward/testing-util';
import { request } from 'node:http';

const LIMIT = 3;
/** Peers on this machine's loopback network: the proxy the API trusts, and a caller it does not. */
const PROXY = '127.0.0.2';
const STRANGER = '127.0.0.3';

/** GET /api/me from the local address `from` (a real TCP connection from that address), with X-Forwarded-For. */
function statusOf(api: RunningApi, from: string, forwardedFor?: string): Promise<number> {
  const url = new URL('/api/me', api.url);
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname,
        localAddress: from,
        headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    call.on('error', reject);
    call.end();
  });
}

/** The statuses of `count` calls, one after the other. */
async function statuses(count: number, call: (i: number) => Promise<number>): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) seen.push(await call(i));
  return seen;
}

const withinBudget = Array<number>(LIMIT).fill(401);

/**
 * SPEC §11: TRUST_PROXY decides whose X-Forwarded-For counts for the per-address budget (counted
 * before authentication, so unauthenticated calls to /api/me spend it: 401 within it, 429 beyond).
 */
describe('Trusted proxies', () => {
  let issuer: FakeIssuer;
  const apis: RunningApi[] = [];
  const limits = { RATE_LIMIT_PER_ADDRESS: String(LIMIT), RATE_LIMIT_PER_USER: '1000' };

  beforeAll(async () => {
    issuer = await FakeIssuer.start();
  });

  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop()));
    await issuer?.stop();
  });

  const start = async (trustProxy?: string) => {
    const api = await startApi({
      issuer: issuer.url,
      env: { ...limits, ...(trustProxy === undefined ? {} : { TRUST_PROXY: trustProxy }) },
    });
    apis.push(api);
    return api;
  };

  describe('with TRUST_PROXY unset', () => {
    it('should ignore X-Forwarded-For: a caller cannot pick a fresh budget by spoofing it', async () => {
      const api = await start();
      const seen = await statuses(LIMIT + 2, (i) => statusOf(api, STRANGER, `198.51.100.${i + 1}`));
      expect(seen).toEqual([...withinBudget, 429, 429]);
      expect(await statusOf(api, PROXY, '198.51.100.99')).toBe(401);
    });
  });

  describe('with the proxy trusted by address', () => {
    let api: RunningApi;
    beforeAll(async () => (api = await start(`${PROXY}/32`)));

    it("should give each client behind the trusted proxy its own budget, from the proxy's X-Forwarded-For", async () => {
      expect(await statuses(LIMIT + 1, () => statusOf(api, PROXY, '203.0.113.10'))).toEqual([...withinBudget, 429]);
      expect(await statuses(LIMIT, () => statusOf(api, PROXY, '203.0.113.11'))).toEqual(withinBudget);
    });

    it('should ignore X-Forwarded-For from a peer that is not the trusted proxy, even naming another client', async () => {
      const seen = await statuses(LIMIT + 1, (i) => statusOf(api, STRANGER, `203.0.113.${50 + i}`));
      expect(seen).toEqual([...withinBudget, 429]);
    });

    it('should take the address the trusted proxy saw, not what the client wrote before it', async () => {
      // The client wrote "192.0.2.x" itself; the proxy appended the address it saw.
      const seen = await statuses(LIMIT + 1, (i) => statusOf(api, PROXY, `192.0.2.${i + 1}, 203.0.113.20`));
      expect(seen).toEqual([...withinBudget, 429]);
    });
  });

  describe('with a hop count', () => {
    it('should trust that many hops from the API and no more', async () => {
      const api = await start('1');
      const spoofedFirst = await statuses(LIMIT + 1, (i) => statusOf(api, STRANGER, `192.0.2.${i + 1}, 203.0.113.30`));
      expect(spoofedFirst).toEqual([...withinBudget, 429]);
      expect(await statusOf(api, STRANGER, '192.0.2.1, 203.0.113.31')).toBe(401);
    });
  });
});
