import { booleanModeQuery, fts5Query, searchTerms, wordStartPattern } from './record-search';

describe('record search', () => {
  describe('searchTerms', () => {
    it('should split q into lower-cased words of letters and digits, long and short apart', () => {
      expect(searchTerms('Budget  Q1-2025, Chloé!')).toEqual({ indexed: ['budget', '2025', 'chloé'], short: ['q1'] });
    });

    it('should drop every query-syntax character instead of passing it on', () => {
      const terms = searchTerms('+vendor* -"review" (NEAR) ~x @2 AND:title^ \\\'s');
      expect(terms).toEqual({ indexed: ['vendor', 'review', 'near', 'and', 'title'], short: ['x', '2', 's'] });
      if (!terms) return;
      expect(booleanModeQuery(terms)).toBe('+vendor* +review* +near* +and* +title*');
      expect(fts5Query(terms)).toBe(
        '"vendor"* AND "review"* AND "near"* AND "and"* AND "title"* AND "x"* AND "2"* AND "s"*',
      );
    });

    it('should find nothing to search when q has no word of three characters or more', () => {
      expect(searchTerms('%_!')).toBeNull();
      expect(searchTerms('IT q1')).toBeNull();
    });

    it('should deduplicate words and keep at most eight', () => {
      expect(searchTerms('one one two three four five six seven eight nine ten')?.indexed).toEqual([
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
    it('should anchor a short word at the start of a title word', () => {
      const pattern = new RegExp(wordStartPattern('q1').replace('[:alnum:]', 'a-z0-9'), 'i');
      expect(pattern.test('Budget forecast Q1 2025')).toBe(true);
      expect(pattern.test('Budget forecast XQ1')).toBe(false);
    });
  });
});
