import type { Account } from '../accounts';
import { parseUserQuery, UserQueryError } from './user-search';
import { anAccount } from '../testing/an-account';

function account(email: string, name: string, overrides: Partial<Account> = {}): Account {
  return anAccount({ userId: `auth0|${email.split('@')[0].padEnd(24, '0')}`, email, name, ...overrides });
}

const USERS = [
  account('jane@example.com', 'Jane Doe'),
  account('john@example.com', 'John Smith', { blocked: true }),
  account('mary@steward.local', 'Mary Jane Watson', { emailVerified: false }),
  account('jean-luc+test@steward.local', 'Jean-Luc Picard'),
];

/** The local parts of the users a query finds. */
function search(q: string): string[] {
  const matches = parseUserQuery(q);
  return USERS.filter(matches).map((user) => user.email.split('@')[0]);
}

describe('parseUserQuery', () => {
  describe('terms', () => {
    it('should find everybody with an empty or blank query', () => {
      expect(search('')).toHaveLength(4);
      expect(search('   ')).toHaveLength(4);
    });

    it('should match field:value against the whole value', () => {
      expect(search('email:jane@example.com')).toEqual(['jane']);
      expect(search('name:jane')).toEqual([]);
    });

    it('should match email and name case-insensitively', () => {
      expect(search('email:JANE@Example.COM')).toEqual(['jane']);
      expect(search('name:"JOHN smith"')).toEqual(['john']);
      expect(search('nickname:MARY')).toEqual(['mary']);
    });

    it('should match a quoted phrase exactly, treating * inside it literally', () => {
      expect(search('name:"Mary Jane Watson"')).toEqual(['mary']);
      expect(search('name:"Mary Jane"')).toEqual([]);
      expect(search('name:"Mary*"')).toEqual([]);
    });

    it('should search email and name with a bare term', () => {
      expect(search('jane@example.com')).toEqual(['jane']);
      expect(search('"jean-luc picard"')).toEqual(['jean-luc+test']);
      expect(search('jean*')).toEqual(['jean-luc+test']);
    });

    it('should keep - and + inside a value', () => {
      expect(search('email:jean-luc+test@steward.local')).toEqual(['jean-luc+test']);
    });

    it('should match user_id, email.domain and identities.connection case-sensitively', () => {
      expect(search(`user_id:${USERS[0].userId.replace('|', '\\|')}`)).toEqual(['jane']);
      expect(search(`user_id:"${USERS[0].userId}"`)).toEqual(['jane']);
      expect(search('email.domain:steward.local')).toEqual(['mary', 'jean-luc+test']);
      expect(search('email.domain:STEWARD.local')).toEqual([]);
      expect(search('identities.connection:"Username-Password-Authentication"')).toHaveLength(4);
      expect(search('identities.connection:username-password-authentication')).toEqual([]);
    });

    it('should match blocked and email_verified as booleans', () => {
      expect(search('blocked:true')).toEqual(['john']);
      expect(search('email_verified:false')).toEqual(['mary']);
    });

    it('should honour backslash escapes', () => {
      expect(search('name:Jane\\ Doe')).toEqual(['jane']);
      expect(search('name:Jane\\ D*')).toEqual(['jane']);
      expect(search('name:Jane\\*')).toEqual([]);
    });
  });

  describe('wildcards', () => {
    it('should match a trailing * as a prefix, even a short one', () => {
      expect(search('name:j*')).toEqual(['jane', 'john', 'jean-luc+test']);
      expect(search('email:jo*')).toEqual(['john']);
      expect(search('name:mary j*')).toEqual(['jane', 'john', 'jean-luc+test']);
    });

    it('should allow a leading * with at least 3 literal characters', () => {
      expect(search('email:*@steward.local')).toEqual(['mary', 'jean-luc+test']);
      expect(search('name:*jane*')).toEqual(['jane', 'mary']);
      expect(() => search('name:*ne')).toThrow(UserQueryError);
      expect(() => search('email:*')).toThrow(UserQueryError);
    });
  });

  describe('operators', () => {
    it('should combine with AND and OR', () => {
      expect(search('email.domain:example.com AND blocked:false')).toEqual(['jane']);
      expect(search('name:"Jane Doe" OR name:"John Smith"')).toEqual(['jane', 'john']);
    });

    it('should OR juxtaposed terms, as Lucene does by default', () => {
      expect(search('email:jane@example.com email:john@example.com')).toEqual(['jane', 'john']);
    });

    it('should give AND precedence over OR, and respect parentheses', () => {
      expect(search('blocked:true OR email.domain:steward.local AND email_verified:false')).toEqual(['john', 'mary']);
      expect(search('(blocked:true OR email.domain:steward.local) AND email_verified:true')).toEqual([
        'john',
        'jean-luc+test',
      ]);
      expect(search('((name:j*))')).toEqual(['jane', 'john', 'jean-luc+test']);
    });

    it('should negate with NOT, alone or after AND', () => {
      expect(search('NOT blocked:true')).toEqual(['jane', 'mary', 'jean-luc+test']);
      expect(search('name:j* AND NOT blocked:true')).toEqual(['jane', 'jean-luc+test']);
      expect(search('NOT (email.domain:example.com OR blocked:true)')).toEqual(['mary', 'jean-luc+test']);
    });

    it('should exclude NOT terms among OR-ed ones, like Lucene', () => {
      expect(search('name:j* NOT blocked:true')).toEqual(['jane', 'jean-luc+test']);
      expect(search('name:j* OR NOT email.domain:steward.local')).toEqual(['jane', 'john']);
    });

    it('should take lower-case and/or/not as terms', () => {
      expect(search('jane@example.com and')).toEqual(['jane']);
    });
  });

  describe('unsupported syntax', () => {
    it.each([
      ['an unknown field', 'app_metadata.plan:gold'],
      ['a range', 'logins_count:[1 TO 5]'],
      ['a fuzzy term', 'name:jane~'],
      ['a boost', 'name:jane^2'],
      ['a single-character wildcard', 'name:j?ne'],
      ['a regular expression', 'name:/ja.e/'],
      ['a + prefix', '+name:jane'],
      ['a - prefix', '-name:jane'],
      ['a - prefix on a value', 'name:-jane'],
      ['&& and ||', 'name:jane && blocked:true'],
      ['grouping after a field', 'name:(jane OR john)'],
      ['an empty value', 'name: jane'],
      ['an unterminated phrase', 'name:"jane'],
      ['an empty phrase', 'name:""'],
      ['unbalanced parentheses', '(name:jane'],
      ['a stray closing parenthesis', 'name:jane)'],
      ['empty parentheses', '()'],
      ['a dangling operator', 'name:jane AND'],
      ['a leading operator', 'OR name:jane'],
      ['two operators in a row', 'name:jane AND OR blocked:true'],
      ['a boolean field with a text value', 'blocked:yes'],
      ['a wildcard on a boolean field', 'blocked:t*'],
      ['a second colon', 'name:a:b'],
      ['a lone trailing backslash', 'name:jane\\'],
      ['too deep nesting', `${'('.repeat(40)}name:jane${')'.repeat(40)}`],
      ['a query that is too long', `name:${'a'.repeat(2100)}`],
    ])('should refuse %s', (_what, q) => {
      expect(() => parseUserQuery(q)).toThrow(UserQueryError);
    });
  });
});
