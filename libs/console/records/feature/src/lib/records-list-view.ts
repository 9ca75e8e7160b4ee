import type { ParamMap, Params } from '@angular/router';
import type { RecordListParams } from '@steward/console-records-data-access';
import {
  RECORD_SORT_FIELDS,
  RECORD_STATUSES,
  type RecordSort,
  type RecordSortField,
  type RecordStatus,
} from '@steward/shared-domain';

export const PAGE_SIZES = [10, 20, 50] as const;
export const DEFAULT_PAGE_SIZE = 20;
export const DEFAULT_SORT: RecordSort = '-updatedAt';

/**
 * Everything the records list shows, read from the URL's query parameters so that a link
 * reproduces the view: `q`, `status`, `sort`, `limit`, `cursor` (the page), and `after`, repeated
 * once per earlier page (`after=c1&after=c2`), the cursors of the pages before this one so that
 * "Previous page" works from a copied link too. The first page has no cursor, so it is not in the
 * trail. Defaults are left out of the URL; values the list does not know fall back to defaults.
 */
export interface RecordsListView {
  q: string;
  status: RecordStatus | null;
  sort: RecordSort;
  limit: number;
  cursor: string | null;
  after: string[];
}

const isStatus = (value: string | null): value is RecordStatus =>
  (RECORD_STATUSES as readonly (string | null)[]).includes(value);

const isSort = (value: string | null): value is RecordSort =>
  value !== null && (RECORD_SORT_FIELDS as readonly string[]).includes(value.replace(/^-/, ''));

export function readListView(params: ParamMap): RecordsListView {
  const status = params.get('status');
  const sort = params.get('sort');
  const limit = Number(params.get('limit'));
  return {
    q: (params.get('q') ?? '').trim(),
    status: isStatus(status) ? status : null,
    sort: isSort(sort) ? sort : DEFAULT_SORT,
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_PAGE_SIZE,
    cursor: params.get('cursor') || null,
    after: params.getAll('after').filter(Boolean),
  };
}

export const sameView = (a: RecordsListView, b: RecordsListView) => JSON.stringify(a) === JSON.stringify(b);

/** What to ask `GET /api/records` for this view. */
export function listQuery(view: RecordsListView): RecordListParams {
  return { limit: view.limit, sort: view.sort, status: view.status, q: view.q || null, cursor: view.cursor };
}

/** Query parameters that go back to the first page: every filter change does. */
export const FIRST_PAGE: Params = { cursor: null, after: null };

export function nextPage(view: RecordsListView, nextCursor: string): Params {
  return { cursor: nextCursor, after: view.cursor ? [...view.after, view.cursor] : null };
}

export function previousPage(view: RecordsListView): Params {
  if (view.after.length === 0) return FIRST_PAGE;
  return { cursor: view.after[view.after.length - 1], after: view.after.length > 1 ? view.after.slice(0, -1) : null };
}

/** The page number shown to the user: 1 for the first page. */
export const pageNumber = (view: RecordsListView) => (view.cursor ? view.after.length + 2 : 1);

/** The sort as a header of a `matSort` table shows it. */
export function sortState(sort: RecordSort): { active: RecordSortField; direction: 'asc' | 'desc' } {
  return sort.startsWith('-')
    ? { active: sort.slice(1) as RecordSortField, direction: 'desc' }
    : { active: sort as RecordSortField, direction: 'asc' };
}

/** A `matSort` change as the `sort` parameter; the default sort is left out of the URL. */
export function sortParam(active: string, direction: 'asc' | 'desc' | ''): RecordSort | null {
  if (!direction || !(RECORD_SORT_FIELDS as readonly string[]).includes(active)) return null;
  const sort = (direction === 'desc' ? `-${active}` : active) as RecordSort;
  return sort === DEFAULT_SORT ? null : sort;
}
