import { decodeCursor, encodeCursor, invalidField } from '@steward/api-core-util';
import type { CursorPage, RecordSortField } from '@steward/shared-domain';
import { In, type Repository } from 'typeorm';
import type { ListRecordsQuery } from './dto/list-records.query';
import { mysqlPage, type PageRow } from './mysql-page';
import { RecordEntity } from './record.entity';
import { fts5Query, searchTerms } from './record-search';

const COLUMNS: Record<RecordSortField, string> = { updatedAt: 'updated_at', createdAt: 'created_at', title: 'title' };

/** Where the previous page ended: the sort it was made for, the last sort value and id. */
interface Position {
  sort: string;
  value: string;
  id: string;
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
  const size = query.limit + 1;
  let page: PageRow[];
  if (isMysql(repository)) {
    const index = { name: `ix_records_${query.status ? 'status_' : ''}${COLUMNS[field]}`, column, direction } as const;
    page = await mysqlPage(builder, index, size, terms);
  } else {
    if (terms) builder.andWhere(FTS5_MATCH, { fts: fts5Query(terms) });
    page = await builder.orderBy(column, direction).addOrderBy('r.id', direction).limit(size).getRawMany();
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
