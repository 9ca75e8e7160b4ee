import {
  createTestDatabase,
  startMysqlQueryLog,
  workspaceRoot,
  type MysqlQueryLog,
  type RunningApi,
  type TestDatabase,
} from '@steward/testing-util';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Connection } from 'mysql2/promise';
import { RecordsClient, startRecordsApi, userTokens } from '../support/records';

type Query = Record<string, string>;

interface PlanRow {
  table: string;
  type: string;
  key: string | null;
  Extra: string | null;
}

/**
 * Every shape of `GET /api/records` uses an index on MariaDB/MySQL: the statements the API really
 * sends (read off the wire) are EXPLAINed on a seeded database. Asserts the access path, not costs.
 */
describe('Records list query plans on mysql', () => {
  let database: TestDatabase;
  let log: MysqlQueryLog;
  let api: RunningApi;
  let viewer: RecordsClient;
  let connection: Connection;

  beforeAll(async () => {
    database = await createTestDatabase('steward_explain');
    log = await startMysqlQueryLog(database.url);
    api = await startRecordsApi({ url: log.url });
    // Enough rows that a common word ("vendor", ~10 %) has more full-text candidates than the API sorts.
    const seeded = spawnSync(
      process.execPath,
      [
        join(workspaceRoot(), 'tools/seed/seed-records.mjs'),
        '--count',
        '25000',
        '--seed',
        '3',
        '--database-url',
        database.url,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(seeded.status).toBe(0);
    connection = await database.connect();
    await connection.query('ANALYZE TABLE records');
    viewer = new RecordsClient(api.url, (await userTokens()).viewer);
  }, 180_000);

  afterAll(async () => {
    await connection?.end();
    await api?.stop();
    await log?.stop();
    await database?.drop();
  });

  /** The plans of the statements one list request sends to find its page. */
  async function plans(query: Query): Promise<PlanRow[][]> {
    log.queries.length = 0;
    await viewer.list(query);
    const statements = log.queries.filter((sql) => /^SELECT/i.test(sql) && sql.includes('`r`.`org_id`'));
    expect(statements.length).toBeGreaterThan(0);
    return Promise.all(statements.map(async (sql) => (await connection.query(`EXPLAIN ${sql}`))[0] as PlanRow[]));
  }

  async function cursorAfter(query: Query, pages: number): Promise<string> {
    let cursor: string | null = null;
    for (let i = 0; i < pages; i++) {
      const page: Query = cursor ? { ...query, limit: '100', cursor } : { ...query, limit: '100' };
      cursor = (await viewer.list(page)).nextCursor;
    }
    if (!cursor) throw new Error('not enough rows for a deep cursor');
    return cursor;
  }

  const onRecords = (plan: PlanRow[]) => plan.filter((row) => row.table === 'r');

  it.each(['-updatedAt', 'updatedAt', '-createdAt', 'createdAt', '-title', 'title'])(
    'should read first and deep pages along the sort index, without a sort (sort=%s)',
    async (sort) => {
      const column = sort.replace('-', '').replace(/[A-Z]/, (c) => `_${c.toLowerCase()}`);
      const shapes: { query: Query; index: string }[] = [
        { query: { sort }, index: `ix_records_${column}` },
        { query: { sort, cursor: await cursorAfter({ sort }, 30) }, index: `ix_records_${column}` },
        { query: { sort, status: 'archived' }, index: `ix_records_status_${column}` },
        {
          query: { sort, status: 'archived', cursor: await cursorAfter({ sort, status: 'archived' }, 10) },
          index: `ix_records_status_${column}`,
        },
      ];
      for (const { query, index } of shapes) {
        for (const plan of await plans(query)) {
          for (const row of onRecords(plan)) {
            expect({ query, key: row.key, type: row.type }).toEqual({
              query,
              key: index,
              type: expect.stringMatching(/^(ref|range)$/),
            });
            expect(row.Extra ?? '').not.toMatch(/filesort/);
          }
        }
      }
    },
    60_000,
  );

  it('should find a rare word through the FULLTEXT index and sort only its few candidates', async () => {
    const [plan] = await plans({ q: 'kowalski chloé', sort: '-updatedAt' });
    expect(onRecords(plan)).toEqual([expect.objectContaining({ type: 'fulltext', key: 'ft_records_title' })]);
  });

  it('should give up the full-text candidates of a common word for the sort index', async () => {
    const all = await plans({ q: 'vendor', sort: '-updatedAt' });
    expect(all).toHaveLength(2);
    expect(onRecords(all[0])).toEqual([expect.objectContaining({ type: 'fulltext', key: 'ft_records_title' })]);
    expect(onRecords(all[1])).toEqual([expect.objectContaining({ key: 'ix_records_updated_at' })]);
    expect(onRecords(all[1])[0].Extra ?? '').not.toMatch(/filesort/);
  });

  it('should never scan the whole table, whatever the parameters', async () => {
    const queries: Query[] = [{ q: 'zzyzx' }, { q: 'vendor', status: 'draft', sort: 'title' }, { q: 'budget 2025 q1' }];
    for (const query of queries) {
      for (const plan of await plans(query)) {
        for (const row of onRecords(plan)) expect({ query, type: row.type }).not.toEqual({ query, type: 'ALL' });
      }
    }
  });
});
