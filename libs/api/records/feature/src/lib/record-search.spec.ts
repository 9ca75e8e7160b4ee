import { booleanModeQuery, fts5Query, searchTerms, wordStartPattern } from './record-search';

describe('record search', () => {
  describe('searchTerms', () => {
    it('should split q into lower-cased words of letters, digits and underscores', () => {
      expect(searchTerms('Budget  Q1-2025, Chloé! foo_bar')).toEqual({
        words: ['budget', 'q1', '2025', 'chloé', 'foo_bar'],
        indexed: ['budget', '2025', 'chloé', 'foo_bar'],
      });
    });

    it('should drop every query-syntax character instead of passing it on', () => {
      const terms = searchTerms('+vendor* -"review" (NEAR) ~x @2 AND:title^ \\\'s');
      expect(terms?.indexed).toEqual(['vendor', 'review', 'near', 'and', 'title']);
      if (!terms) return;
      expect(booleanModeQuery(terms)).toBe('+vendor* +review* +near* +and* +title*');
      expect(fts5Query(terms)).toBe(
        '"vendor"* AND "review"* AND "near"* AND "x"* AND "2"* AND "and"* AND "title"* AND "s"*',
      );
    });

    it('should find nothing to search when q has no word of three characters or more', () => {
      expect(searchTerms('%_!')).toBeNull();
      expect(searchTerms('IT q1')).toBeNull();
    });

    it('should deduplicate words and keep at most eight', () => {
      expect(searchTerms('one One two three four five six seven eight nine')?.words).toEqual([
        'one',
        'two',
        'three',
        'four',
        'five',
        'six',
        'seven',
        'eight',
      ]);
    });
  });

  describe('wordStartPattern', () => {
    it('should anchor a word at the start of a title word', () => {
      const pattern = new RegExp(wordStartPattern('q1'), 'iu');
      expect(pattern.test('Budget forecast Q1 2025')).toBe(true);
      expect(pattern.test('Budget (q1)')).toBe(true);
      expect(pattern.test('Budget forecast XQ1')).toBe(false);
      expect(pattern.test('Budget forecast éq1')).toBe(false);
      expect(pattern.test('Budget forecast x_q1')).toBe(false);
    });
  });
});
