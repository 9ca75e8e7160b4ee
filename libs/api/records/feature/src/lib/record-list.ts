import { decodeCursor, encodeCursor, invalidField } from '@steward/api-core-util';
import type { CursorPage, RecordSortField } from '@steward/shared-domain';
import type { Repository, SelectQueryBuilder } from 'typeorm';
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

const isPosition = (value: unknown): value is Position =>
  typeof value === 'object' &&
  value !== null &&
  ['sort', 'value', 'id'].every((key) => typeof (value as Record<string, unknown>)[key] === 'string');

/**
 * Keyset pagination over live records of one organization: ordered by the sort key, then id, so
 * the order is total and stable; a deep page costs what the first one costs (an index range scan).
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
    .where('r.org_id = :orgId', { orgId })
    .andWhere('r.deleted_at IS NULL');
  if (query.status) builder.andWhere('r.status = :status', { status: query.status });
  if (query.cursor) {
    const position = decodeCursor(query.cursor, isPosition);
    if (position.sort !== query.sort)
      throw invalidField('cursor', `was made for sort=${position.sort}, not sort=${query.sort}`);
    // `col <= v AND (col < v OR id < w)` rather than `col < v OR (col = v AND id < w)`: the first
    // conjunct is one range on the (org_id, deleted_at, [status,] col, id) index on every database.
    const after = descending ? '<' : '>';
    builder.andWhere(`${column} ${after}= :value AND (${column} ${after} :value OR r.id ${after} :id)`, {
      value: toDatabaseValue(repository, field, position.value),
      id: position.id,
    });
  }
  if (query.q) {
    const terms = searchTerms(query.q);
    if (!terms) return { items: [], nextCursor: null };
    whereTitleMatches(builder, repository, terms);
  }
  const rows = await builder
    .orderBy(column, direction)
    .addOrderBy('r.id', direction)
    .limit(query.limit + 1)
    .getMany();
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      rows.length > query.limit
        ? encodeCursor({
            sort: query.sort,
            value: field === 'title' ? last.title : last[field].toISOString(),
            id: last.id,
          })
        : null,
  };
}

/** A cursor value as the driver stores the column (datetimes differ between MySQL and SQLite). */
function toDatabaseValue(repository: Repository<RecordEntity>, field: RecordSortField, value: string): unknown {
  if (field === 'title') return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw invalidField('cursor', 'is not a cursor this list gave out');
  const column = repository.metadata.findColumnWithPropertyName(field);
  return column ? repository.manager.connection.driver.preparePersistentValue(date, column) : date;
}

/**
 * Restricts the list to titles matching `terms` through the full-text index: MySQL/MariaDB's
 * FULLTEXT index on `title`, SQLite's `records_fts` FTS5 table (see the search migration).
 */
function whereTitleMatches(
  builder: SelectQueryBuilder<RecordEntity>,
  repository: Repository<RecordEntity>,
  terms: SearchTerms,
): void {
  if (repository.manager.connection.driver.options.type === 'better-sqlite3') {
    builder.andWhere('r.rowid IN (SELECT rowid FROM records_fts WHERE records_fts MATCH :fts)', {
      fts: fts5Query(terms),
    });
    return;
  }
  builder.andWhere('MATCH(r.title) AGAINST (:fts IN BOOLEAN MODE)', { fts: booleanModeQuery(terms) });
  terms.short.forEach((word, i) =>
    builder.andWhere(`r.title REGEXP :short${i}`, { [`short${i}`]: wordStartPattern(word) }),
  );
}
