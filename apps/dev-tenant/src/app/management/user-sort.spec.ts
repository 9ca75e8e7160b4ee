import type { Account } from '../accounts';
import { anAccount } from '../testing/an-account';
import { ManagementApiError } from './management-errors';
import { parseUserSort } from './user-sort';

function account(userId: string, overrides: Partial<Account>): Account {
  return anAccount({ userId, email: `${userId}@example.com`, name: userId, nickname: userId, ...overrides });
}

const USERS = [
  account('c', {
    name: 'carol',
    createdAt: '2024-01-02T00:00:00.000Z',
    lastLogin: '2024-02-01T00:00:00.000Z',
    loginsCount: 5,
  }),
  account('a', { name: 'Bob', createdAt: '2024-01-03T00:00:00.000Z', loginsCount: 1 }),
  account('b', {
    name: 'alice',
    createdAt: '2024-01-01T00:00:00.000Z',
    lastLogin: '2024-03-01T00:00:00.000Z',
    loginsCount: 1,
  }),
];

const ids = (sort: string | undefined) => [...USERS].sort(parseUserSort(sort)).map((user) => user.userId);

describe('parseUserSort', () => {
  it('should order by creation without a sort', () => {
    expect(ids(undefined)).toEqual(['b', 'c', 'a']);
  });

  it('should sort ascending or descending, names without regard to case', () => {
    expect(ids('name:1')).toEqual(['b', 'a', 'c']);
    expect(ids('name:-1')).toEqual(['c', 'a', 'b']);
    expect(ids('email:1')).toEqual(['a', 'b', 'c']);
    expect(ids('created_at:-1')).toEqual(['a', 'c', 'b']);
  });

  it('should break ties by user id', () => {
    expect(ids('logins_count:1')).toEqual(['a', 'b', 'c']);
    expect(ids('logins_count:-1')).toEqual(['c', 'a', 'b']);
  });

  it('should put users who never signed in last, either way', () => {
    expect(ids('last_login:1')).toEqual(['c', 'b', 'a']);
    expect(ids('last_login:-1')).toEqual(['b', 'c', 'a']);
  });

  it.each(['name', 'name:2', 'name:asc', 'app_metadata.plan:1', 'blocked:1'])('should refuse sort=%s', (sort) => {
    expect(() => parseUserSort(sort)).toThrow(ManagementApiError);
  });
});
