import { searchQuery } from './auth0-user-directory';

describe('searchQuery', () => {
  it('should require every word to prefix the email or the name', () => {
    expect(searchQuery('ada lov')).toBe('(email:ada* OR name:ada*) AND (email:lov* OR name:lov*)');
  });

  it('should strip anything that could change the query', () => {
    expect(searchQuery('a" OR user_id:* (x)')).toBe(
      '(email:a* OR name:a*) AND (email:OR* OR name:OR*) AND (email:user_id* OR name:user_id*) AND (email:x* OR name:x*)',
    );
    expect(searchQuery('***')).toBeUndefined();
  });

  it('should drop leading + and - (Lucene must / must-not)', () => {
    expect(searchQuery('-admin +x')).toBe('(email:admin* OR name:admin*) AND (email:x* OR name:x*)');
  });

  it('should search for nothing without words', () => {
    expect(searchQuery(undefined)).toBeUndefined();
    expect(searchQuery('   ')).toBeUndefined();
  });
});
