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

  /** The statements one list request sends to find its page, with their plans. */
  async function statements(query: Query): Promise<{ sql: string; plan: PlanRow[] }[]> {
    log.queries.length = 0;
    await viewer.list(query);
    const sent = log.queries.filter((sql) => /^SELECT/i.test(sql) && sql.includes('`r`.`org_id`'));
    expect(sent.length).toBeGreaterThan(0);
    return Promise.all(
      sent.map(async (sql) => ({ sql, plan: (await connection.query(`EXPLAIN ${sql}`))[0] as PlanRow[] })),
    );
  }

  const plans = async (query: Query): Promise<PlanRow[][]> => (await statements(query)).map(({ plan }) => plan);

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

  /**
   * A search walks a stretch of the sort index first: where the stretch ends, read from the index alone
   * (`Using index`), then its titles; no sort.
   */
  function expectStretches(sent: { sql: string; plan: PlanRow[] }[], index = 'ix_records_updated_at') {
    for (const { sql, plan } of sent) {
      for (const row of onRecords(plan)) {
        expect({ sql, key: row.key, type: row.type }).toEqual({
          sql,
          key: index,
          type: expect.stringMatching(/^(ref|range)$/),
        });
        expect(row.Extra ?? '').not.toMatch(/filesort/);
        if (sql.includes('OFFSET'))
          expect({ sql, Extra: row.Extra }).toEqual({ sql, Extra: expect.stringMatching(/Using index/) });
      }
    }
  }

  const steps = (sent: { sql: string }[]) =>
    sent.map(({ sql }) => (sql.includes('MATCH(') ? 'fulltext' : sql.includes('OFFSET') ? 'end' : 'titles'));

  it('should fill a page of a common word from stretches of the sort index, never the FULLTEXT index', async () => {
    const shapes: { query: Query; index: string }[] = [
      { query: { q: 'vendor', sort: '-updatedAt' }, index: 'ix_records_updated_at' },
      { query: { q: 'finding', sort: 'title' }, index: 'ix_records_title' },
      { query: { q: 'vendor', status: 'draft', sort: 'createdAt' }, index: 'ix_records_status_created_at' },
    ];
    for (const { query, index } of shapes) {
      const sent = await statements(query);
      expect({ query, steps: steps(sent) }).toEqual({
        query,
        steps: expect.arrayContaining(['end', 'titles']),
      });
      expect(steps(sent)).not.toContain('fulltext');
      expectStretches(sent, index);
    }
  });

  it('should find a rare word through the FULLTEXT index after one short stretch, and sort only its few candidates', async () => {
    const sent = await statements({ q: 'kowalski chloé', sort: '-updatedAt' });
    const fulltext = sent.pop();
    expect(fulltext?.sql).toContain('MATCH(');
    expect(onRecords(fulltext?.plan ?? [])).toEqual([
      expect.objectContaining({ type: 'fulltext', key: 'ft_records_title' }),
    ]);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expectStretches(sent);
  });

  it('should sort the FULLTEXT candidates of a common word that the sort index holds only far ahead', async () => {
    // Sorted by title, the first titles start "Audit finding": no "vendor" in the first stretch.
    const sent = await statements({ q: 'vendor', sort: 'title' });
    expect(steps(sent)).toEqual(['end', 'titles', 'fulltext']);
    expectStretches(sent.slice(0, 2), 'ix_records_title');
    expect(onRecords(sent[2].plan)).toEqual([expect.objectContaining({ type: 'fulltext', key: 'ft_records_title' })]);
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
