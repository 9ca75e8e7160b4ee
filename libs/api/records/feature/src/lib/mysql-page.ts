import type { SelectQueryBuilder } from 'typeorm';
import type { RecordEntity } from './record.entity';
import { booleanModeQuery, wordStartPattern, type SearchTerms } from './record-search';

/** One row of a page as the sort index gives it. */
export interface PageRow {
  id: string;
  value: unknown;
}

/** The index a page is read along: `ix_records_[status_]<column>` on (org_id, deleted_at, [status,] column, id). */
export interface SortIndex {
  name: string;
  /** The sort column, aliased: `r.updated_at`. */
  column: string;
  direction: 'ASC' | 'DESC';
}

/** The sort-index entries a search reads first, whatever the page size: a word in 1 % of titles shows up here. */
export const FIRST_STRETCH = 200;
/** A word that showed up is looked for this many entries further per row of the page before the full-text index. */
export const NEXT_STRETCH_PER_ROW = 100;

const FULLTEXT_INDEX = 'ft_records_title';

/**
 * MySQL/MariaDB: the first `size` live rows of `builder` (organization, status, cursor) in sort order,
 * those whose titles match `terms` when given. Every plan gives the same rows; they differ in cost.
 *
 * A search chooses its plan from what it finds, each step bounded:
 * 1. the next FIRST_STRETCH entries of the sort index: a common word fills the page here (and a list
 *    that ends within them ends here), for at most a few hundred row reads;
 * 2. if the word turned up there, the next `NEXT_STRETCH_PER_ROW × size` entries;
 * 3. otherwise the FULLTEXT index: every candidate, sorted (few, unless the word is common but not
 *    spread along this sort: "vendor" sorted by title sits in the titles starting "Quarterly").
 * InnoDB computes every full-text match before returning one, so a common word must not reach step 3:
 * at a million rows "Northwind" (~2 %) costs 50–100 ms there, against a few hundred index entries here.
 */
export async function mysqlPage(
  builder: SelectQueryBuilder<RecordEntity>,
  index: SortIndex,
  size: number,
  terms?: SearchTerms,
): Promise<PageRow[]> {
  if (!terms) return alongIndex(builder, index, index.name, size);
  const matching = builder.clone();
  terms.words.forEach((word, i) =>
    matching.andWhere(`r.title REGEXP :word${i}`, { [`word${i}`]: wordStartPattern(word) }),
  );
  const first = await stretch(builder, matching, index, undefined, FIRST_STRETCH, size);
  if (first.hits.length >= size || !first.end) return first.hits;
  if (first.hits.length > 0) {
    const entries = NEXT_STRETCH_PER_ROW * size;
    const second = await stretch(builder, matching, index, first.end, entries, size - first.hits.length);
    const hits = concat(first.hits, second.hits);
    if (hits.length >= size || !second.end) return hits;
  }
  // The full-text index answers from the cursor on: what the stretches found is among its rows.
  const candidates = matching.andWhere('MATCH(r.title) AGAINST (:fts IN BOOLEAN MODE)', {
    fts: booleanModeQuery(terms),
  });
  return alongIndex(candidates, index, FULLTEXT_INDEX, size);
}

/**
 * The matching rows among the next `entries` entries of the sort index after `from` (the cursor's
 * position when undefined), at most `need` of them; `end` is the last of those entries, null when
 * fewer were left (then the rows found are all there are).
 */
async function stretch(
  builder: SelectQueryBuilder<RecordEntity>,
  matching: SelectQueryBuilder<RecordEntity>,
  index: SortIndex,
  from: PageRow | undefined,
  entries: number,
  need: number,
): Promise<{ hits: PageRow[]; end: PageRow | null }> {
  // The sort index alone (it holds the sort value and the id) finds where the stretch ends.
  const [end] = await alongIndex(after(builder.clone(), index, from, 'from').offset(entries - 1), index, index.name, 1);
  const range = after(matching.clone(), index, from, 'from');
  if (end) {
    const [op, strict] = index.direction === 'DESC' ? ['>=', '>'] : ['<=', '<'];
    range.andWhere(`${index.column} ${op} :toValue AND (${index.column} ${strict} :toValue OR r.id ${op} :toId)`, {
      toValue: end.value,
      toId: end.id,
    });
  }
  return { hits: await alongIndex(range, index, index.name, need), end: end ?? null };
}

/** Narrows `builder` to the entries after `from` in sort order (parameters named after `name`). */
function after(
  builder: SelectQueryBuilder<RecordEntity>,
  index: SortIndex,
  from: PageRow | undefined | null,
  name: string,
): SelectQueryBuilder<RecordEntity> {
  if (!from) return builder;
  const op = index.direction === 'DESC' ? '<' : '>';
  return builder.andWhere(
    `${index.column} ${op}= :${name}Value AND (${index.column} ${op} :${name}Value OR r.id ${op} :${name}Id)`,
    { [`${name}Value`]: from.value, [`${name}Id`]: from.id },
  );
}

/** Rows of two consecutive stretches; a row met twice (a title edited between the reads) counts once. */
function concat(first: PageRow[], second: PageRow[]): PageRow[] {
  const seen = new Set(first.map((row) => row.id));
  return [...first, ...second.filter((row) => !seen.has(row.id))];
}

/**
 * The first `size` rows of `builder` in sort order, read with `FORCE INDEX (forced)`: along the sort
 * index itself (for a deep cursor the optimizer otherwise prefers `ref` on (org_id, deleted_at) over
 * the range that starts at the cursor — it costs both alike, ignoring LIMIT — and reads every row
 * before the cursor), or the full-text candidates, sorted (never the sort index filtered by MATCH).
 */
async function alongIndex(
  builder: SelectQueryBuilder<RecordEntity>,
  index: SortIndex,
  forced: string,
  size: number,
): Promise<PageRow[]> {
  const [sql, parameters] = builder
    .orderBy(index.column, index.direction)
    .addOrderBy('r.id', index.direction)
    .limit(size)
    .getQueryAndParameters();
  const from = 'FROM `records` `r`';
  if (!sql.includes(from)) throw new Error(`records list: unexpected SQL: ${sql}`);
  return builder.connection.query(sql.replace(from, `${from} FORCE INDEX (\`${forced}\`)`), parameters);
}
