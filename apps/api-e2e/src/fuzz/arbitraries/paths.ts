import fc from 'fast-check';
import { b64, headerText, json } from './common';

/** Characters that would end or split a path segment; everything else goes out raw. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be encoded
const escapeTarget = (text: string) => text.replace(/[\s?#%/\\]|[\x00-\x1f\x7f]/gu, (char) => percentEncoded(char));

/**
 * Keeps a request target a valid request line (whitespace, controls and non-ASCII percent-encoded,
 * stray `%` kept): raw bytes the HTTP parser refuses are the HTTP layer's cases, not these.
 */
const onTheLine = (text: string) => text.replace(/[^\x21\x22\x24-\x7e]/gu, percentEncoded);

/** UTF-8 percent-encoding that, unlike encodeURIComponent, takes lone surrogates too (as U+FFFD). */
const percentEncoded = (char: string) =>
  [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/** Path ids: UUID-like, foreign, percent-encoded (well or badly), dots, unicode, very long. */
export const ids = fc
  .oneof(
    fc.uuid(),
    fc.uuid().map((id) => id.toUpperCase()),
    fc.uuid().map((id) => `${id}x`),
    fc.uuid().map((id) => id.replace(/-/g, '')),
    fc.constantFrom(
      '.',
      '..',
      '%2e%2e',
      '%2E',
      '...',
      '%',
      '%zz',
      '%00',
      '%ff',
      '%ed%a0%80',
      '%c0%af',
      '%2F',
      '%5C',
      'null',
      'undefined',
      '0',
      '-1',
      'NaN',
      '__proto__',
      'constructor',
      'auth0%7C',
      '%7C',
      'auth0|x',
      'auth0%7Cfuzz-nobody',
      "1'; DROP TABLE records; --",
    ),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map(escapeTarget),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map((text) => text.replace(/./gsu, percentEncoded)),
    // Long, yet within Node's 16 KiB for the whole head: bigger ones are the HTTP layer's.
    fc.tuple(fc.nat({ max: 2_000 }), fc.constantFrom('a', '9', '%41', 'é', '|')).map(([n, unit]) => unit.repeat(n + 1)),
  )
  .map(onTheLine);

const QUERY_NAMES = ['limit', 'cursor', 'sort', 'status', 'q', 'page', 'perPage', 'action', 'actor'] as const;

const queryValues = fc.oneof(
  fc.integer({ min: -5, max: 1_005 }).map(String),
  fc.constantFrom(
    '',
    '0',
    '1',
    '100',
    '101',
    '1.5',
    '1e2',
    '1e309',
    '-0',
    'NaN',
    'Infinity',
    '0x10',
    ' 5',
    '5abc',
    'true',
    'null',
    '[]',
    '{}',
  ),
  fc.constantFrom(
    'updatedAt',
    '-updatedAt',
    'createdAt',
    '-createdAt',
    'title',
    '-title',
    '--title',
    'id',
    'title;DROP',
    'TITLE',
  ),
  fc.constantFrom('draft', 'active', 'archived', 'deleted', 'DRAFT', 'record.updated', 'user.blocked'),
  fc.constantFrom('%', '_', '!', '\\', "'", '"', '*', '+', '%25', '%2B', 'a%00b', '%ff', '%zz'),
  headerText(30).map(escapeTarget),
  fc.string({ unit: 'binary', maxLength: 30 }).map((text) => text.replace(/./gsu, percentEncoded)),
  fc.nat({ max: 3_000 }).map((n) => 'q'.repeat(n + 100)),
  cursors(),
);

/** Cursors: random bytes, and well-formed positions with values of every shape and range. */
function cursors(): fc.Arbitrary<string> {
  const position = fc.record(
    {
      sort: fc.oneof(fc.constantFrom('-updatedAt', 'updatedAt', '-createdAt', 'title', '-title'), json),
      value: fc.oneof(
        fc
          .date({ noInvalidDate: false })
          .map((date) => (Number.isNaN(date.getTime()) ? 'Invalid' : date.toISOString())),
        fc.constantFrom(
          '0',
          '10000',
          '+275760-09-13T00:00:00.000Z',
          '-271821-04-20T00:00:00.000Z',
          '9999-12-31T23:59:59.999Z',
          '0000-01-01T00:00:00Z',
          '2024-02-30T25:61:61Z',
          '',
        ),
        fc.string({ maxLength: 300 }),
        json,
      ),
      id: fc.oneof(fc.uuid(), fc.string({ maxLength: 300 }), json),
    },
    { requiredKeys: [] },
  );
  return fc.oneof(
    position.map((value) => Buffer.from(JSON.stringify(value)).toString('base64url')),
    json.map(b64),
    fc.uint8Array({ maxLength: 120 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
  );
}

/** Query strings: known and unknown names, repeated, bracketed, with values of every type. */
export const queries = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...QUERY_NAMES) },
        { weight: 1, arbitrary: fc.constantFrom(...QUERY_NAMES).map((name) => `${name}[]`) },
        { weight: 1, arbitrary: fc.constantFrom(...QUERY_NAMES).map((name) => `${name}[a]`) },
        { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', '__proto__[x]', 'toString', '') },
        { weight: 1, arbitrary: fc.string({ maxLength: 10 }).map((name) => encodeURIComponent(name)) },
      ),
      queryValues,
    ),
    { maxLength: 6 },
  )
  .map((pairs) => onTheLine(pairs.map(([name, value]) => `${name}=${value}`).join('&')));
