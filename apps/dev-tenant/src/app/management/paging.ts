import { ManagementApiError } from './management-errors';
import { queryBoolean, queryInteger, type Query } from './query-params';

/** Offset paging as the Management API takes it: 0-based `page`, `per_page` ≤ 100, `include_totals`. */
export interface Paging {
  page: number;
  perPage: number;
  includeTotals: boolean;
}

/** Auth0 pages through at most this many records with `page`/`per_page`. */
export const MAX_RESULT_WINDOW = 1000;

/** The message of the 400 for a page beyond the window; `/users` words it its own way. */
export type WindowMessage = (page: number) => string;

export const USERS_WINDOW_MESSAGE: WindowMessage = () =>
  'You can only page through the first 1000 records. See https://auth0.com/docs/users/search/v3/view-search-results-by-page#limitation';

export const DEFAULT_WINDOW_MESSAGE: WindowMessage = (page) =>
  `Requesting page ${page} exceeds the allowed maximum of ${MAX_RESULT_WINDOW} records. To fetch results beyond ${MAX_RESULT_WINDOW}, use the checkpoint pagination method.`;

/** Reads and checks the paging parameters, including the 1 000-record window (page·per_page + per_page ≤ 1000). */
export function readPaging(query: Query, windowMessage: WindowMessage = DEFAULT_WINDOW_MESSAGE): Paging {
  const perPage = queryInteger(query, 'per_page', { min: 0, max: 100, fallback: 50 });
  const page = queryInteger(query, 'page', { min: 0, fallback: 0 });
  const includeTotals = queryBoolean(query, 'include_totals', false);
  if (page * perPage + perPage > MAX_RESULT_WINDOW)
    throw new ManagementApiError(400, windowMessage(page), 'invalid_paging');
  return { page, perPage, includeTotals };
}

/** The items of the requested page. */
export function pageOf<T>(items: T[], { page, perPage }: Paging): T[] {
  return items.slice(page * perPage, page * perPage + perPage);
}
