import { decodeCursor, encodeCursor, invalidField } from '@steward/api-core-util';
import type { CursorPage, RecordSortField } from '@steward/shared-domain';
import { In, type Repository, type SelectQueryBuilder } from 'typeorm';
import type { ListRecordsQuery } from './dto/list-records.query';
import { RecordEntity } from './record.entity';
import { booleanModeQuery, fts5Query, searchTerms, wordStartPattern, type SearchTerms } from './record-search';

const COLUMNS: Record<RecordSortField, string> = { updatedAt: 'updated_at', createdAt: 'created_at', title: 'title' };

/** Where the previous page ended: the sort it was made for, the last sort value and id. */
interface Position {
  sort: string;
  value: string;
  id: string;
}

/** One row of a page as the sort index gives it. */
interface PageRow {
  id: string;
  value: unknown;
}

const isPosition = (value: unknown): value is Position =>
  typeof value === 'object' &&
  value !== null &&
  ['sort', 'value', 'id'].every((key) => typeof (value as Record<string, unknown>)[key] === 'string');

/**
 * Keyset pagination over live records of one organization: ordered by the sort key, then id, so
 * the order is total and stable; a deep page costs what the first one costs (an index range scan).
 * Two steps: the page's ids and sort values from the indexes, then those rows by primary key.
 */
export async function listRecords(
  repository: Repository<RecordEntity>,
  orgId: string,
  query: ListRecordsQuery,
): Promise<CursorPage<RecordEntity>> {
  const descending = query.sort.startsWith('-');
  const field = query.sort.replace(/^-/, '') as RecordSortField;
  const column = `r.${COLUMNS[field]}`;
  const direction = descending ? 'DESC' : 'ASC';
  const builder = repository
    .createQueryBuilder('r')
    .select('r.id', 'id')
    .addSelect(column, 'value')
    .where('r.org_id = :orgId', { orgId })
    .andWhere('r.deleted_at IS NULL');
  if (query.status) builder.andWhere('r.status = :status', { status: query.status });
  if (query.cursor) {
    const position = decodeCursor(query.cursor, isPosition);
    if (position.sort !== query.sort)
      throw invalidField('cursor', `was made for sort=${position.sort}, not sort=${query.sort}`);
    // `col <= v AND (col < v OR id < w)` rather than `col < v OR (col = v AND id < w)`: the first
    // conjunct bounds one range of the (org_id, deleted_at, [status,] col, id) index on every database.
    const after = descending ? '<' : '>';
    builder.andWhere(`${column} ${after}= :value AND (${column} ${after} :value OR r.id ${after} :id)`, {
      value: toDatabaseValue(repository, field, position.value),
      id: position.id,
    });
  }
  const terms = query.q ? searchTerms(query.q) : undefined;
  if (terms === null) return { items: [], nextCursor: null };
  const sortIndex = `ix_records_${query.status ? 'status_' : ''}${COLUMNS[field]}`;
  const size = query.limit + 1;
  let page: PageRow[];
  if (!isMysql(repository)) {
    if (terms) builder.andWhere(FTS5_MATCH, { fts: fts5Query(terms) });
    page = await builder.orderBy(column, direction).addOrderBy('r.id', direction).limit(size).getRawMany();
  } else {
    terms?.words.forEach((word, i) =>
      builder.andWhere(`r.title REGEXP :word${i}`, { [`word${i}`]: wordStartPattern(word) }),
    );
    page =
      (terms && (await fewMatches(builder, terms, direction, size))) ||
      (await alongSortIndex(builder, sortIndex, column, direction, size));
  }

  const ids = page.slice(0, query.limit).map((row) => row.id);
  const byId = new Map((ids.length ? await repository.findBy({ id: In(ids) }) : []).map((row) => [row.id, row]));
  // A row deleted between the two steps is left out; the cursor still comes from the page read.
  const items = ids.flatMap((id) => byId.get(id) ?? []);
  const last = page[query.limit - 1];
  return {
    items,
    nextCursor:
      page.length > query.limit
        ? encodeCursor({ sort: query.sort, value: cursorValue(field, last.value), id: last.id })
        : null,
  };
}

/** SQLite: titles matching an FTS5 query, through the `records_fts` table the search migration keeps. */
const FTS5_MATCH = 'r.rowid IN (SELECT rowid FROM records_fts WHERE records_fts MATCH :fts)';

/** MySQL/MariaDB: past this many full-text candidates, walking the sort index finds a page sooner. */
export const MAX_CANDIDATES = 2000;

/**
 * MySQL/MariaDB, rare words: the rows the FULLTEXT index finds, sorted. Null when there are more
 * than MAX_CANDIDATES candidates, so a common word never costs a lookup and a sort per match.
 */
async function fewMatches(
  builder: SelectQueryBuilder<RecordEntity>,
  terms: SearchTerms,
  direction: 'ASC' | 'DESC',
  size: number,
): Promise<PageRow[] | null> {
  const [candidates, parameters] = builder
    .clone()
    .andWhere('MATCH(r.title) AGAINST (:fts IN BOOLEAN MODE)', { fts: booleanModeQuery(terms) })
    .limit(MAX_CANDIDATES + 1)
    .getQueryAndParameters();
  const rows: (PageRow & { candidates: number })[] = await builder.connection.query(
    `SELECT m.id, m.value, COUNT(*) OVER () AS candidates FROM (${candidates}) m ` +
      `ORDER BY m.value ${direction}, m.id ${direction} LIMIT ${size}`,
    parameters,
  );
  return rows.length > 0 && Number(rows[0].candidates) > MAX_CANDIDATES ? null : rows;
}

/**
 * MySQL/MariaDB: the page read along the sort index, with `FORCE INDEX`. For a deep cursor the
 * optimizer otherwise prefers `ref` on (org_id, deleted_at) over the range that starts at the cursor
 * (it costs both alike, ignoring LIMIT) and reads every row before the cursor.
 */
async function alongSortIndex(
  builder: SelectQueryBuilder<RecordEntity>,
  index: string,
  column: string,
  direction: 'ASC' | 'DESC',
  size: number,
): Promise<PageRow[]> {
  const [sql, parameters] = builder
    .orderBy(column, direction)
    .addOrderBy('r.id', direction)
    .limit(size)
    .getQueryAndParameters();
  const from = 'FROM `records` `r`';
  if (!sql.includes(from)) throw new Error(`records list: unexpected SQL: ${sql}`);
  return builder.connection.query(sql.replace(from, `${from} FORCE INDEX (\`${index}\`)`), parameters);
}

function isMysql(repository: Repository<RecordEntity>): boolean {
  return ['mysql', 'mariadb'].includes(repository.manager.connection.driver.options.type);
}

/** The last row's sort value as the cursor carries it (datetimes as ISO strings, whatever the driver returned). */
function cursorValue(field: RecordSortField, value: unknown): string {
  if (field === 'title') return String(value);
  return (value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`)).toISOString();
}

/** A cursor value as the driver stores the column (datetimes differ between MySQL and SQLite). */
function toDatabaseValue(repository: Repository<RecordEntity>, field: RecordSortField, value: string): unknown {
  if (field === 'title') return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw invalidField('cursor', 'is not a cursor this list gave out');
  const column = repository.metadata.findColumnWithPropertyName(field);
  return column ? repository.manager.connection.driver.preparePersistentValue(date, column) : date;
}
