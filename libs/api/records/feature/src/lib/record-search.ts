/**
 * `q` of `GET /api/records`: word-prefix search in titles, served by a full-text index.
 *
 * A word is a run of letters, digits and `_`; every other character separates words and is never
 * passed to the database as query syntax. A record matches when, for every word of `q`, its title
 * has a word starting with it: case-insensitive, accent-sensitive. Words of 1–2 characters only
 * narrow a search: MySQL's full-text index holds no such short words, so a `q` without a word of at
 * least {@link MIN_INDEXED_WORD} characters (including one with no word at all) matches nothing, on
 * every database.
 */
export const MIN_INDEXED_WORD = 3;

/** At most this many words count; the rest of `q` is ignored (bounds the work of one search). */
export const MAX_WORDS = 8;

export interface SearchTerms {
  /** Every word, lower-cased and deduplicated. */
  words: string[];
  /** The words the full-text index can find: at least MIN_INDEXED_WORD characters. */
  indexed: string[];
}

/** The words of `q`; null when nothing in it can be searched. */
export function searchTerms(q: string): SearchTerms | null {
  const words = [...new Set(q.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [])].slice(0, MAX_WORDS);
  const indexed = words.filter((word) => [...word].length >= MIN_INDEXED_WORD);
  return indexed.length === 0 ? null : { words, indexed };
}

/** MySQL/MariaDB boolean-mode query: every indexed word required, as a prefix (`+word*`). */
export function booleanModeQuery(terms: SearchTerms): string {
  return terms.indexed.map((word) => `+${word}*`).join(' ');
}

/** SQLite FTS5 query: every word required, each a quoted prefix term (`"word"*`). */
export function fts5Query(terms: SearchTerms): string {
  return terms.words.map((word) => `"${word}"*`).join(' AND ');
}

/**
 * MySQL/MariaDB regular expression (PCRE / ICU, case-insensitive under the column's collation):
 * a word of the title starts with `word`. This defines the match exactly; MATCH … AGAINST only
 * finds candidates fast (it also folds accents and cannot see words under 3 characters).
 */
export function wordStartPattern(word: string): string {
  return `(^|[^\\p{L}\\p{N}_])${word}`;
}
