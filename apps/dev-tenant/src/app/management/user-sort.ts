import type { Account } from '../accounts';
import { invalidQuery } from './management-errors';

type SortKey = (account: Account) => string | number | null;

const SORTABLE: Record<string, SortKey> = {
  email: (a) => a.email,
  // Normalised like Auth0's search index, so "ada" and "Ada" sort together.
  name: (a) => a.name.toLowerCase(),
  created_at: (a) => a.createdAt,
  last_login: (a) => a.lastLogin,
  logins_count: (a) => a.loginsCount,
};

export type AccountOrder = (a: Account, b: Account) => number;

/**
 * Auth0's `sort=field:1|-1` on email, name, created_at, last_login or logins_count; users without
 * the value (never signed in) come last either way, ties keep a stable order by user id.
 * Without `sort`, users come in creation order.
 */
export function parseUserSort(sort: string | undefined): AccountOrder {
  const match = /^([\w.]+):(1|-1)$/.exec(sort ?? 'created_at:1');
  if (!match) {
    throw invalidQuery(
      `Query validation error: 'String does not match pattern ^(([a-zA-Z0-9_\\.]+))\\:(1|-1)$' on property sort.`,
    );
  }
  const key = SORTABLE[match[1]];
  if (!key)
    throw invalidQuery(`Sorting by ${match[1]} is not supported: use one of ${Object.keys(SORTABLE).join(', ')}.`);
  const direction = match[2] === '1' ? 1 : -1;
  return (a, b) => {
    const [left, right] = [key(a), key(b)];
    if (left === null || right === null) {
      if (left !== right) return left === null ? 1 : -1;
    } else if (left !== right) {
      return (left < right ? -1 : 1) * direction;
    }
    return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
  };
}
