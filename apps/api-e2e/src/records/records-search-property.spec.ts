import type { RecordView } from '@steward/shared-domain';
import {
  createTestDatabase,
  startMysqlQueryLog,
  type MysqlQueryLog,
  type RunningApi,
  type TestDatabase,
} from '@steward/testing-util';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { assertProperty } from '../fuzz/settings';
import { DATABASES, RecordsClient, orgToken, startRecordsApi, type DatabaseKind } from '../support/records';
import {
  insertRecord,
  referenceMatch,
  referenceOrder,
  referenceWords,
  seedWithTool,
  sqlClient,
  type ReferenceRow,
  type SqlClient,
} from '../support/search-world';

const SORTS = ['-updatedAt', 'updatedAt', '-createdAt', 'createdAt', '-title', 'title'];
const STATUSES = ['draft', 'active', 'archived'];
/** Big enough that a common word's first stretches (hundreds of sort-index entries) leave most of the list. */
const ROWS: Record<DatabaseKind, number> = { mysql: 25_000, sqlite: 6_000 };
const ORGS = { big: 'org_search_big', small: 'org_search_small' } as const;
/** Words of the seed tool's titles, common to rare, a few of the fixtures', and some that match nothing. */
const VOCABULARY = [
  ...['vendor', 'review', 'quarterly', 'invoice', 'inv', 'onboarding', 'checklist', 'meeting', 'budget', 'audit'],
  ...['incident', 'renewal', 'licence', 'purchase', 'order', 'northwind', 'contoso', 'globex', 'crm', 'payroll'],
  ...['finance', 'legal', 'kowalski', 'novak', 'chloé', 'chloe', '2025', '00', 'q1', 'it', 'tie', 'zebra'],
  ...["o'brien", 'foo_bar', 'straße', 'zzqxv', 'endor', 'northwindx', 'xylophone'],
];
const MAX_PAGES = 60;

/** A word of `q`: as written, or the `word`-th word of the search's title (`length` characters of it, 0 = all). */
type Piece = string | { word: number; length: number; upper: boolean };

/** A search; its `q` is made of `pieces`, where title pieces come from one title of the organization (`row`). */
interface Search {
  org: keyof typeof ORGS;
  pieces: Piece[];
  separator: string;
  row: number;
  status: string | null;
  sort: string;
  limit: number;
}

const casing = (word: string, upper: boolean) => (upper ? word.toUpperCase() : word);
const vocabularyPiece = fc
  .tuple(fc.constantFrom(...VOCABULARY), fc.integer({ min: 0, max: 6 }), fc.boolean())
  .map(([whole, length, upper]) => casing(length ? [...whole].slice(0, length).join('') : whole, upper));
const titlePiece = fc.record({ word: fc.nat(), length: fc.integer({ min: 0, max: 6 }), upper: fc.boolean() });
const searches: fc.Arbitrary<Search> = fc.record({
  org: fc.constantFrom('big', 'big', 'big', 'small'),
  // Words of one title mostly, so that several words still find something.
  pieces: fc.array(fc.oneof({ weight: 3, arbitrary: titlePiece }, vocabularyPiece), { minLength: 1, maxLength: 3 }),
  separator: fc.constantFrom(' ', '  ', '-', ' +', '* ', '"', ' — ', ', '),
  row: fc.nat(),
  status: fc.option(fc.constantFrom(...STATUSES)),
  sort: fc.constantFrom(...SORTS),
  limit: fc.integer({ min: 1, max: 100 }),
});

const example = (org: Search['org'], q: string, status: string | null, sort: string, limit: number): Search => ({
  org,
  pieces: q.split(' '),
  separator: ' ',
  row: 0,
  status,
  sort,
  limit,
});

/** One of each MySQL plan (mysql-page.ts), whatever the random runs draw. */
const PLAN_EXAMPLES: Search[] = [
  example('big', 'vendor', null, '-updatedAt', 20), // 10 %: stretches of the sort index
  example('big', 'kowalski chloé', null, '-createdAt', 5), // rare: full-text
  example('big', 'xylophone', null, '-updatedAt', 20), // 2 newest, then rare: both
  example('big', 'northwind', 'archived', 'title', 20), // common, but not early by title
  example('small', 'zebra tie', null, '-title', 2), // ties, a small organization
];
/** The plans every MySQL run must have used: steps of one request (`end` of a stretch, its `titles`, `fulltext`). */
const PLANS = ['end titles', 'end titles end titles', 'end titles fulltext', 'end titles end titles fulltext'];

/**
 * `q` on realistic data (the seed tool's word frequencies, soft deletes, another organization, ties)
 * equals a brute-force reference for any words, status, sort and page size, walked page by page to the
 * end: the same rows in the same order, whichever plan served each page. On MySQL, every plan is used.
 */
describe.each(DATABASES)('Records search against a brute-force reference on %s', (kind) => {
  let database: TestDatabase | undefined;
  let log: MysqlQueryLog | undefined;
  let api: RunningApi;
  let sql: SqlClient;
  const clients = {} as Record<keyof typeof ORGS, RecordsClient>;
  const references = new Map<string, ReferenceRow[]>();
  const plansUsed = new Map<string, number>();

  beforeAll(async () => {
    if (kind === 'mysql') {
      database = await createTestDatabase('steward_search');
      log = await startMysqlQueryLog(database.url);
      api = await startRecordsApi({ url: log.url });
    } else {
      api = await startRecordsApi('sqlite');
    }
    const url = database?.url ?? api.databaseUrl;
    seedWithTool(url, ORGS.big, ROWS[kind], 7);
    seedWithTool(url, ORGS.small, 2_000, 8);
    sql = await sqlClient(url);
    await addFixtures(sql);
    if (kind === 'mysql') await sql.execute('ANALYZE TABLE records');
    for (const org of Object.keys(ORGS) as (keyof typeof ORGS)[]) {
      clients[org] = new RecordsClient(api.url, orgToken(ORGS[org], ['read:records']));
      for (const sort of SORTS) references.set(`${org} ${sort}`, await referenceOrder(sql, ORGS[org], sort));
    }
  }, 300_000);

  afterAll(async () => {
    await sql?.close();
    await api?.stop();
    await log?.stop();
    await database?.drop();
  });

  /**
   * Ties (one timestamp, one title), accents, apostrophes, soft deletes, the same words in the other
   * organization, and a word with its two newest rows far ahead of the rest.
   */
  async function addFixtures(client: SqlClient) {
    const at = '2025-06-01 12:00:00.000';
    for (let i = 0; i < 42; i++) {
      const month = String((i % 12) + 1).padStart(2, '0');
      const when = i < 2 ? `2099-01-0${i + 1} 00:00:00.000` : `2024-${month}-15 08:00:00.000`;
      await insertRecord(client, {
        id: randomUUID(),
        org: ORGS.big,
        title: `Xylophone tuning ${i}`,
        status: 'draft',
        at: when,
      });
    }
    for (let i = 0; i < 60; i++)
      await insertRecord(client, {
        id: randomUUID(),
        org: ORGS[i % 6 === 0 ? 'big' : 'small'],
        title: 'Northwind tie zebra',
        status: STATUSES[i % 3],
        at,
      });
    for (const title of [
      "Call O'Brien about foo_bar",
      'CHLOÉ Kowalski onboarding',
      'Chloe without an accent',
      'Straße renewal — Northwind',
      'Vendor-Review:2025_final',
      'Endorsement of the tie',
    ])
      await insertRecord(client, { id: randomUUID(), org: ORGS.big, title, status: 'active', at });
    // About 6 % of each organization is soft-deleted.
    await client.execute(`UPDATE records SET deleted_at = created_at WHERE id LIKE '%7'`);
  }

  function queryOf(search: Search): string {
    const rows = references.get(`${search.org} -updatedAt`) ?? [];
    const titleWords = rows[search.row % rows.length].title.match(/[\p{L}\p{N}_]+/gu) ?? ['none'];
    const word = (piece: Piece) => {
      if (typeof piece === 'string') return piece;
      const whole = titleWords[piece.word % titleWords.length];
      return casing(piece.length ? [...whole].slice(0, piece.length).join('') : whole, piece.upper);
    };
    return search.pieces.map(word).join(search.separator);
  }

  function expected(search: Search, q: string): string[] {
    const words = referenceWords(q);
    if (!words) return [];
    return (references.get(`${search.org} ${search.sort}`) ?? [])
      .filter((row) => (!search.status || row.status === search.status) && referenceMatch(row.title, words))
      .map((row) => row.id);
  }

  /** The steps of the MySQL plan one request took, from the statements it sent (mysql-page.ts). */
  function planOfLastRequest(): string {
    return (log?.queries ?? [])
      .filter((statement) => /^SELECT/i.test(statement) && statement.includes('`r`.`org_id`'))
      .map((statement) => (statement.includes('MATCH(') ? 'fulltext' : statement.includes('OFFSET') ? 'end' : 'titles'))
      .join(' ');
  }

  async function walk(search: Search, q: string, limit: number): Promise<RecordView[]> {
    const all: RecordView[] = [];
    let cursor: string | null = null;
    for (let pages = 1; ; pages++) {
      if (log) log.queries.length = 0;
      const { status, org, sort } = search;
      const page = await clients[org].list({
        q,
        sort,
        limit,
        ...(status ? { status } : {}),
        ...(cursor ? { cursor } : {}),
      });
      if (log && referenceWords(q)) {
        const plan = planOfLastRequest();
        plansUsed.set(plan, (plansUsed.get(plan) ?? 0) + 1);
      }
      all.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) return all;
      expect(page.items).toHaveLength(limit); // only the last page is short
      if (pages > MAX_PAGES + 1)
        throw new Error(`more pages than the reference has rows for: ${JSON.stringify({ search, q })}`);
    }
  }

  it('should list exactly the matching live records of the organization, in order, across every page', async () => {
    await assertProperty(
      fc.asyncProperty(searches, async (search) => {
        const q = queryOf(search);
        const ids = expected(search, q);
        // Enough rows per page that a common word's walk stays within MAX_PAGES requests.
        const limit = Math.min(100, Math.max(search.limit, Math.ceil(ids.length / MAX_PAGES)));
        const found = await walk(search, q, limit);
        expect({ search, q, limit, ids: found.map((record) => record.id) }).toEqual({ search, q, limit, ids });
      }),
      kind === 'mysql' ? 60 : 30,
      { examples: PLAN_EXAMPLES.map((search) => [search]) },
    );
    if (kind === 'mysql') expect([...plansUsed.keys()]).toEqual(expect.arrayContaining(PLANS));
  }, 600_000);
});
