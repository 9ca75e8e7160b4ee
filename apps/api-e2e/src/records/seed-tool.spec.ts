import { workspaceRoot, type RunningApi } from '@steward/testing-util';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DATABASES, RecordsClient, startRecordsApi, userTokens } from '../support/records';

/** tools/seed: rows it writes are records the API serves, in order, on both databases. */
describe.each(DATABASES)('Seed tool on %s', (database) => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startRecordsApi(database);
  });

  afterAll(async () => {
    await api?.stop();
  });

  const seed = (...args: string[]) =>
    spawnSync(process.execPath, [join(workspaceRoot(), 'tools/seed/seed-records.mjs'), ...args], {
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('should insert realistic records the API lists in a stable order', async () => {
    const result = seed('--count', '1200', '--database-url', api.databaseUrl, '--seed', '7');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/seeded 1200 records/);
    const all = await new RecordsClient(api.url, (await userTokens()).viewer).listAll({
      limit: 100,
      sort: '-updatedAt',
    });
    expect(all).toHaveLength(1200);
    expect(new Set(all.map((record) => record.id)).size).toBe(1200);
    expect(all.every((record, i) => i === 0 || all[i - 1].updatedAt >= record.updatedAt)).toBe(true);
    expect(new Set(all.map((record) => record.status))).toEqual(new Set(['draft', 'active', 'archived']));
  }, 60_000);

  it('should refuse bad arguments without touching the database', () => {
    const result = seed('--count', '0', '--database-url', api.databaseUrl);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/count/);
  });
});
