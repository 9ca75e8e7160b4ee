/** The page sizes the users list offers. */
export const USER_PAGE_SIZES = [10, 25, 50];
export const DEFAULT_USERS_PER_PAGE = 25;
const MAX_PER_PAGE = 100;
const MAX_QUERY_LENGTH = 100;

/** `?page=` of the users list: a 0-based page index, like the API's. */
export function toPageIndex(value: unknown): number {
  const page = Number(value ?? 0);
  return Number.isInteger(page) && page >= 0 ? page : 0;
}

/** `?perPage=` of the users list: 1–100, else the default. */
export function toPerPage(value: unknown): number {
  const perPage = Number(value ?? DEFAULT_USERS_PER_PAGE);
  return Number.isInteger(perPage) && perPage >= 1 && perPage <= MAX_PER_PAGE ? perPage : DEFAULT_USERS_PER_PAGE;
}

/** `?q=` of the users list, cut to what the API accepts; kept untrimmed so the search field keeps a typed space. */
export function toQuery(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, MAX_QUERY_LENGTH) : '';
}
