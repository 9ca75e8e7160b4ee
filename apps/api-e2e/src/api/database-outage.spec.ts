import {
  createTestDatabase,
  startTcpProxy,
  type RunningApi,
  type TcpProxy,
  type TestDatabase,
} from '@steward/testing-util';
import { RecordsClient, startRecordsApi, userTokens } from '../support/records';

/** Polls `probe` until it returns true or `ms` pass. */
async function eventually(probe: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await probe()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/** SPEC §10: a database outage is a 503 with Retry-After, never a 500 or a crash, and the API recovers by itself. */
describe('Database outage', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let api: RunningApi;
  let staff: RecordsClient;

  beforeAll(async () => {
    database = await createTestDatabase('steward_outage');
    const direct = new URL(database.url);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 3306) });
    const proxied = new URL(database.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    api = await startRecordsApi({ url: proxied.href });
    staff = new RecordsClient(api.url, (await userTokens()).staff);
  });

  afterAll(async () => {
    await api?.stop();
    await proxy?.stop();
    await database?.drop();
  });

  it('should answer 503 with Retry-After while the database is down, and serve again once it is back', async () => {
    const before = await staff.create({ title: 'Before the outage' });
    proxy.setAvailable(false);

    for (const response of [
      await staff.request(''),
      await staff.request(`/${before.id}`),
      await staff.request('', { method: 'POST', body: { title: 'During the outage', status: 'draft' } }),
    ]) {
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.text()).not.toMatch(/ECONN|PROTOCOL|mysql|3306|SELECT|INSERT/i);
    }
    expect((await fetch(`${api.url}/api/health/ready`)).status).toBe(503);
    expect((await fetch(`${api.url}/api/health`)).status).toBe(200);

    proxy.setAvailable(true);
    expect(await eventually(async () => (await staff.request('')).status === 200, 15_000)).toBe(true);
    const after = await staff.create({ title: 'After the outage' });
    const titles = (await staff.listAll({ limit: 100 })).map((record) => record.title);
    expect(titles).toEqual(expect.arrayContaining([before.title, after.title]));
    expect(titles).not.toContain('During the outage');
    expect((await fetch(`${api.url}/api/health/ready`)).status).toBe(200);
  });
});
