// Every generator of the fuzz suite, by area (tokens, headers, paths and queries, bodies, the HTTP
// layer), in one file on purpose: a reader sees at a glance what the suite throws at the API.
// Generators return small descriptions; values that are big by design (deep JSON, large bodies,
// huge tokens) are built from a size, so a counterexample stays readable.
import { API_AUDIENCE } from '@steward/testing-util';
import fc from 'fast-check';
import { createHmac, createPublicKey } from 'node:crypto';
import { ROUTES, type BodyKind, type Route } from './routes';
import type { RawRequest } from './raw-http';
import type { FuzzWorld } from './world';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const ACCESS_TOKEN_TYPES = ['jwt', 'at+jwt', 'application/jwt', 'application/at+jwt'];

/** Text that can travel in a header value or a request line without ending it (no CR, LF, NUL, controls). */
export const headerText = (maxLength = 64) =>
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  fc.string({ unit: 'binary', maxLength }).map((text) => text.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, ''));

/** Any JSON value, now and then one nested a few levels deep. */
const json = fc.jsonValue({ maxDepth: 4 });
const notA = (test: (value: unknown) => boolean) => json.filter((value) => !test(value));
const isString = (value: unknown) => typeof value === 'string';
const isStringArray = (value: unknown) => Array.isArray(value) && value.every(isString);

// ---------------------------------------------------------------- tokens

export interface TokenCase {
  kind: string;
  /** What varies, small enough to read in a counterexample. */
  detail: unknown;
  token: string;
}

/** Claims whose wrong value must make the token invalid (401): the ones SPEC §4.3 verifies. */
const CRITICAL_CLAIMS: Record<string, fc.Arbitrary<unknown>> = {
  iss: json,
  aud: notA((value) => value === API_AUDIENCE || (isStringArray(value) && (value as string[]).includes(API_AUDIENCE))),
  exp: fc.oneof(
    notA((value) => typeof value === 'number'),
    fc.constant('9999999999'),
    fc.integer({ min: 0, max: 1_600_000_000 }),
  ),
  iat: fc.oneof(
    notA((value) => typeof value === 'number'),
    fc.constant('1700000000'),
  ),
  nbf: fc.oneof(
    notA((value) => typeof value === 'number'),
    fc.integer({ min: 4_000_000_000, max: 2 ** 40 }),
  ),
  sub: fc.oneof(notA(isString), fc.constant('')),
};

/**
 * Claims that grant things; a value of the wrong type must grant nothing (SPEC §4.6), so a token
 * carrying no permissions otherwise stays a valid token of a user with no permissions.
 */
const GRANTING_CLAIMS: Record<string, fc.Arbitrary<unknown>> = {
  permissions: notA(isStringArray),
  scope: notA(isString),
  'https://steward.local/roles': json,
  'https://steward.local/email': json,
  'https://steward.local/name': json,
  email: json,
  name: json,
  org_id: notA(isString),
  gty: notA(isString),
  azp: json,
};

/** Claims of a valid token of a user holding no permission at all. */
const powerless = (world: FuzzWorld, overrides: Record<string, unknown> = {}) =>
  world.claims({ permissions: [], scope: 'openid profile email', 'https://steward.local/roles': [], ...overrides });

/** Tokens SPEC §4 refuses with 401 on every protected route, whatever they carry. */
export function invalidTokens(world: FuzzWorld): fc.Arbitrary<TokenCase> {
  const signed = (kind: string, detail: unknown, payload: unknown, header: Record<string, unknown> = {}) => ({
    kind,
    detail,
    token: world.sign(payload, header),
  });
  const randomPart = fc.oneof(
    json.map(b64),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
    fc.string({ maxLength: 40 }),
  );
  return fc.oneof(
    fc
      .oneof(headerText(200), fc.stringMatching(/^[A-Za-z0-9\-._~+/]{1,300}=*$/))
      .map((token) => ({ kind: 'random string', detail: token, token })),
    fc
      .tuple(randomPart, randomPart, randomPart)
      .map((parts) => ({ kind: 'three random parts', detail: parts, token: parts.join('.') })),
    fc
      .oneof(
        fc.constant(null),
        fc.double(),
        fc.integer(),
        fc.string(),
        fc.boolean(),
        fc.array(json, { maxLength: 3 }),
        fc.dictionary(fc.string(), json),
      )
      .map((payload) => signed('signed payload that is no valid claim set', payload, payload)),
    fc
      .constantFrom(...Object.keys(CRITICAL_CLAIMS))
      .chain((claim) => CRITICAL_CLAIMS[claim].map((value) => ({ claim, value })))
      .map(({ claim, value }) =>
        signed('signed, one verified claim wrong', { [claim]: value }, world.claims({ [claim]: value })),
      ),
    fc
      .constantFrom('iss', 'aud', 'exp', 'sub', 'iat')
      .map((claim) => signed('signed, one verified claim missing', claim, { ...world.claims(), [claim]: undefined })),
    badHeader(world).map((header) => signed('signed, bad header', header, world.claims(), header)),
    fc.oneof(json, fc.constant(null)).map((header) => ({
      kind: 'header JSON without RS256 and a kid',
      detail: header,
      token: `${b64(header)}.${b64(world.claims())}.${world.adminToken().split('.')[2]}`,
    })),
    fc.constantFrom('', 'c2ln', world.adminToken().split('.')[2]).map((signature) => ({
      kind: 'alg none',
      detail: signature,
      token: `${b64({ alg: 'none', typ: 'JWT', kid: world.key.kid })}.${b64(world.claims())}.${signature}`,
    })),
    fc.constantFrom('HS256', 'HS384', 'HS512').map((alg) => {
      const input = `${b64({ alg, typ: 'JWT', kid: world.key.kid })}.${b64(world.claims())}`;
      const publicPem = createPublicKey(world.key.key).export({ format: 'pem', type: 'spki' });
      const hash = `sha${alg.slice(2)}`;
      return {
        kind: 'HMAC keyed with the public key',
        detail: alg,
        token: `${input}.${createHmac(hash, publicPem).update(input).digest('base64url')}`,
      };
    }),
    fc
      .tuple(fc.nat(), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'))
      .map(([at, char]) => {
        const [header, payload, signature] = world.adminToken().split('.');
        const index = at % (signature.length - 1); // the last character carries padding bits
        const swapped = signature[index] === char ? (char === 'A' ? 'B' : 'A') : char;
        const tampered = `${signature.slice(0, index)}${swapped}${signature.slice(index + 1)}`;
        return { kind: 'tampered signature', detail: { index, swapped }, token: `${header}.${payload}.${tampered}` };
      }),
    fc.dictionary(fc.string({ maxLength: 10 }), json, { minKeys: 1, maxKeys: 3 }).map((extra) => {
      const [header, , signature] = world.adminToken().split('.');
      return {
        kind: 'payload changed after signing',
        detail: extra,
        token: `${header}.${b64(world.claims(extra))}.${signature}`,
      };
    }),
    fc.nat().map((cut) => {
      const token = world.adminToken();
      const at = 1 + (cut % (token.length - 2));
      return { kind: 'truncated', detail: at, token: token.slice(0, at) };
    }),
    fc.constantFrom('4 parts', 'spaced', 'empty parts').map((how) => {
      const token = world.adminToken();
      const variants: Record<string, string> = {
        '4 parts': `${token}.${token.split('.')[2]}`,
        spaced: token.replace('.', ' .'),
        'empty parts': `${token.split('.')[0]}..`,
      };
      return { kind: 'almost a token', detail: how, token: variants[how] };
    }),
    // Up to what fits in Node's 16 KiB of headers; bigger ones are the HTTP layer's (httpLayerCases).
    fc.constantFrom(2_000, 6_000, 10_000).map((size) => ({
      kind: 'huge (for another audience)',
      detail: size,
      token: world.sign(world.claims({ aud: 'https://other.example.com/', padding: 'x'.repeat(size) })),
    })),
  );
}

/** A header that is well-formed JSON but names the wrong algorithm or key, or carries its own key. */
function badHeader(world: FuzzWorld): fc.Arbitrary<Record<string, unknown>> {
  const base = { alg: 'RS256', typ: 'JWT', kid: world.key.kid };
  return fc.oneof(
    fc
      .oneof(
        fc.constantFrom('none', 'HS256', 'RS512', 'PS256', 'ES256', 'rs256', ''),
        notA((value) => value === 'RS256'),
      )
      .map((alg) => ({ ...base, alg })),
    fc
      .oneof(
        fc.constantFrom('', 'nobody-knows', '../../keys', `${world.key.kid} `),
        notA((value) => value === world.key.kid),
      )
      .map((kid) => ({ ...base, kid })),
    fc.constant({ ...base, kid: undefined }),
    notA((value) => typeof value === 'string' && ACCESS_TOKEN_TYPES.includes(value.toLowerCase()))
      .filter((typ) => typ !== undefined)
      .map((typ) => ({ ...base, typ })),
    fc
      .tuple(fc.constantFrom('jku', 'x5u', 'jwk', 'x5c', 'crit'), json)
      .map(([name, value]) => ({ ...base, [name]: value })),
  );
}

/** Valid tokens of a user without permissions, one granting claim of a wrong type: they must grant nothing. */
export function wrongTypedGrants(world: FuzzWorld): fc.Arbitrary<TokenCase> {
  return fc
    .constantFrom(...Object.keys(GRANTING_CLAIMS))
    .chain((claim) => GRANTING_CLAIMS[claim].map((value) => ({ [claim]: value })))
    .map((detail) => ({ kind: 'granting claim of a wrong type', detail, token: world.sign(powerless(world, detail)) }));
}

// ---------------------------------------------------------------- headers

/** An Authorization header value, odd or not; `valid` is the token when the value is a valid credential. */
export interface AuthorizationCase {
  values: string[];
  /** Whether SPEC §4.1 accepts it: exactly one `Bearer <token>` (scheme in any case, one or more spaces). */
  accepted: boolean;
}

export function authorizations(world: FuzzWorld): fc.Arbitrary<AuthorizationCase> {
  const token = world.adminToken();
  const scheme = fc.oneof(
    fc.constantFrom('Bearer', 'bearer', 'BEARER', 'bEaReR'),
    fc.constantFrom('Basic', 'Token', 'JWT', 'Bearer:', 'Béarer', 'Bearer,', 'DPoP'),
  );
  const gap = fc.oneof(fc.constantFrom(' ', '  ', '     '), fc.constantFrom('\t', ' \t', '', ',', '\u00a0'));
  const credential = fc.oneof(
    { weight: 4, arbitrary: fc.constant(token) },
    fc.constant(`${token} ${token}`),
    fc.constant(`${token},${token}`),
    fc.constant(`"${token}"`),
    headerText(40),
    headerText(10).map((suffix) => `${token}${suffix}`),
    fc.constantFrom('✓', 'jeton-café', '令牌'),
  );
  const one = fc.tuple(scheme, gap, credential).map(([s, g, c]) => `${s}${g}${c}`);
  const accepted = (value: string) => {
    const match = /^bearer +(.*)$/i.exec(value.replace(/^[ \t]+|[ \t]+$/g, ''));
    return match !== null && match[1] === token;
  };
  return fc.oneof(
    { weight: 4, arbitrary: one.map((value) => ({ values: [value], accepted: accepted(value) })) },
    { weight: 1, arbitrary: fc.tuple(one, one).map((values) => ({ values, accepted: false })) },
    { weight: 1, arbitrary: one.map((other) => ({ values: [`Bearer ${token}`, other], accepted: false })) },
    { weight: 1, arbitrary: fc.constant<AuthorizationCase>({ values: [], accepted: false }) },
  );
}

export const contentTypes = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/json; charset=utf-16',
    'application/json;',
    'application/json; boundary=x; charset=latin1',
    'application/problem+json',
    'application/merge-patch+json',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=----x',
    'text/plain',
    'text/json',
    'application/xml',
    '*/*',
    '',
    'json',
  ),
  headerText(60),
);

/** If-Match values: the current version's strong tag now and then, mostly anything else. */
export const ifMatchValues = fc.oneof(
  fc.constant('CURRENT'),
  fc.constantFrom(
    '*',
    'W/"1"',
    '"1", "2"',
    '"-1"',
    '"0"',
    '"1.5"',
    '"9999999999"',
    '"99999999999999999999"',
    '1',
    '""',
    ' ',
  ),
  fc.nat().map((n) => `"${n}"`),
  headerText(80),
);

export const requestIds = fc.oneof(
  fc.constantFrom('console-1234', '<script>alert(1)</script>', "' OR 1=1 --", '../../etc/passwd', '${jndi:ldap://x}'),
  headerText(100),
  fc.nat({ max: 5_000 }).map((n) => 'r'.repeat(n + 65)),
);

// ---------------------------------------------------------------- paths and query strings

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

// ---------------------------------------------------------------- JSON bodies

/** Fields each body kind knows, plus server-owned or foreign ones it must refuse. */
const FIELDS: Record<BodyKind, string[]> = {
  record: ['title', 'description', 'status', 'tags'],
  'record-changes': ['title', 'description', 'status', 'tags'],
  'new-user': ['email', 'name'],
  'user-changes': ['name', 'blocked'],
  roles: ['roles'],
};
/** A valid body of each kind, for changing one field at a time. */
const VALID_BODIES: Record<BodyKind, Record<string, unknown>> = {
  record: { title: 'Fuzzed', description: 'A record the fuzzer made', status: 'draft', tags: ['fuzz'] },
  'record-changes': { title: 'Fuzzed again', description: 'Changed by the fuzzer', status: 'active', tags: ['fuzz'] },
  'new-user': { email: 'fuzz-new@steward.local', name: 'Fuzz New' },
  'user-changes': { name: 'Fuzz Target', blocked: false },
  roles: { roles: [] },
};
const FOREIGN_FIELDS = [
  'id',
  'version',
  'ownerSub',
  'owner_sub',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'orgId',
  'user_id',
  'app_metadata',
  'connection',
  'password',
  'email_verified',
  'blocked',
  'access_token',
  '__proto__',
  'constructor',
];

/** JSON text nested `depth` levels deep, built from a size so a counterexample stays short. */
export interface DeepJson {
  depth: number;
  shape: 'array' | 'object' | 'mixed';
  /** Where it sits: the whole body, or the value of one field. */
  field: string | null;
}

export function deepJsonText({ depth, shape, field }: DeepJson): string {
  const open = { array: '[', object: '{"a":', mixed: '[{"a":' }[shape];
  const close = { array: ']', object: '}', mixed: '}]' }[shape];
  const nested = `${open.repeat(depth)}1${close.repeat(depth)}`;
  return field === null ? nested : `{"${field}":${nested}}`;
}

/** Bodies by size: near and past the body limit, as valid JSON. */
export interface LargeBody {
  bytes: number;
  shape: 'long description' | 'many tags' | 'whitespace' | 'many fields';
}

export function largeBodyText({ bytes, shape }: LargeBody): string {
  if (shape === 'long description')
    return JSON.stringify({ title: 'big', status: 'draft', description: 'd'.repeat(bytes) });
  if (shape === 'many tags')
    return JSON.stringify({ title: 'big', status: 'draft', tags: Array(Math.ceil(bytes / 4)).fill('t') });
  if (shape === 'whitespace') return `${' '.repeat(bytes)}{"title":"big","status":"draft"}`;
  return JSON.stringify(Object.fromEntries(Array.from({ length: Math.ceil(bytes / 12) }, (_, i) => [`f${i}`, i])));
}

/** A value for a field: `null`, wrong types, near-valid strings, deep structures. */
function fieldValue(world: FuzzWorld): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: json },
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        '',
        ' ',
        'draft',
        'active',
        'archived',
        true,
        false,
        0,
        -1,
        1e308,
        [],
        {},
        [null],
        ['a', null],
        [''],
        world.roleIds[0] ?? 'rol_x',
      ),
    },
    { weight: 2, arbitrary: fc.constantFrom(...world.roleIds.map((id) => [id]), []) },
    { weight: 3, arbitrary: fc.constantFrom(1, 39, 40, 41, 199, 200, 201, 10_000, 10_001).map((n) => 'x'.repeat(n)) },
    { weight: 1, arbitrary: fc.constantFrom(20, 21).map((n) => Array.from({ length: n }, (_, i) => `tag${i}`)) },
    { weight: 2, arbitrary: fc.emailAddress() },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 50 }) },
    {
      weight: 1,
      arbitrary: fc.nat({ max: 50 }).map((depth) => JSON.parse(deepJsonText({ depth, shape: 'mixed', field: null }))),
    },
  );
}

/** Body text for a route: random JSON, objects with its field names, deep nesting, invalid JSON, large bodies. */
export type BodyCase =
  | { kind: 'json'; value: unknown }
  | { kind: 'fields'; value: Record<string, unknown> }
  | { kind: 'one field off'; field: string; value: unknown }
  | { kind: 'deep'; deep: DeepJson }
  | { kind: 'invalid json'; text: string }
  | { kind: 'large'; large: LargeBody };

export function bodies(world: FuzzWorld, route: Route): fc.Arbitrary<BodyCase> {
  const names = FIELDS[route.body ?? 'record'];
  const fields = fc.dictionary(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...names) },
      { weight: 1, arbitrary: fc.constantFrom(...FOREIGN_FIELDS) },
    ),
    fieldValue(world),
    { maxKeys: 5 },
  );
  return fc.oneof(
    { weight: 2, arbitrary: json.map((value) => ({ kind: 'json' as const, value })) },
    { weight: 4, arbitrary: fields.map((value) => ({ kind: 'fields' as const, value })) },
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.constantFrom(...names, ...FOREIGN_FIELDS), fieldValue(world))
        .map(([field, value]) => ({ kind: 'one field off' as const, field, value })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          depth: fc.oneof(fc.integer({ min: 1, max: 2_000 }), fc.constantFrom(5_000, 10_000, 20_000, 100_000)),
          shape: fc.constantFrom('array' as const, 'object' as const, 'mixed' as const),
          field: fc.oneof(fc.constant(null), fc.constantFrom(...names)),
        })
        .map((deep) => ({ kind: 'deep' as const, deep })),
    },
    { weight: 2, arbitrary: invalidJson.map((text) => ({ kind: 'invalid json' as const, text })) },
    {
      weight: 1,
      arbitrary: fc
        .record({
          bytes: fc.constantFrom(50_000, 99_000, 101_000, 150_000, 1_000_000),
          shape: fc.constantFrom(
            'long description' as const,
            'many tags' as const,
            'whitespace' as const,
            'many fields' as const,
          ),
        })
        .map((large) => ({ kind: 'large' as const, large })),
    },
  );
}

export function bodyText(route: Route, body: BodyCase): string {
  switch (body.kind) {
    case 'json':
    case 'fields':
      return JSON.stringify(body.value);
    case 'deep':
      return deepJsonText(body.deep);
    case 'one field off':
      return JSON.stringify({ ...VALID_BODIES[route.body ?? 'record'], [body.field]: body.value });
    case 'invalid json':
      return body.text;
    case 'large':
      return largeBodyText(body.large);
  }
}

const invalidJson = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '}',
    '{"title":',
    '{"title":"a",}',
    "{'title':'a'}",
    '{title:"a"}',
    'NaN',
    'undefined',
    '{"a":1}{"b":2}',
    '{"title":"a"} x',
    '{"title":"\\ud800"}',
    '{"title":"a\\x"}',
    '[1,]',
    '01',
    '{"a":01}',
    '/* c */ {}',
    '{"__proto__":{"polluted":1}}',
    '{"title":"a","title":null}',
    '"\\u0000"',
  ),
  json
    .map((value) => JSON.stringify(value))
    .chain((text) => fc.nat({ max: Math.max(0, text.length - 1) }).map((cut) => text.slice(0, cut)))
    .filter((text) => {
      try {
        JSON.parse(text);
        return false;
      } catch {
        return true;
      }
    }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }).filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  }),
);

export const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

// ---------------------------------------------------------------- the HTTP layer

/** Requests the HTTP server must turn away itself: oversized heads, broken request lines, stray bytes. */
export interface HttpLayerCase {
  kind: string;
  request: RawRequest;
}

const get = (target: string, headers: [string, string][] = []): RawRequest => ({ method: 'GET', target, headers });

export const httpLayerCases: fc.Arbitrary<HttpLayerCase> = fc.oneof(
  fc.constantFrom(17_000, 40_000, 100_000).map((size) => ({
    kind: `one header of ${size} bytes`,
    request: get('/api/me', [['x-padding', 'p'.repeat(size)]]),
  })),
  fc.constantFrom(17_000, 70_000).map((size) => ({
    kind: `a token of ${size} bytes`,
    request: get('/api/me', [['authorization', `Bearer ${'a'.repeat(size)}.b.c`]]),
  })),
  fc.constantFrom(300, 2_000).map((count) => ({
    kind: `${count} headers`,
    request: get(
      '/api/health',
      Array.from({ length: count }, (_, i) => [`x-h${i}`, 'v'.repeat(20)]),
    ),
  })),
  fc.constantFrom(20_000, 70_000).map((size) => ({
    kind: `a request target of ${size} bytes`,
    request: get(`/api/records?q=${'q'.repeat(size)}`),
  })),
  fc
    .constantFrom(
      'GET /api/me HTTP/9.9',
      'GET /api/me HTTP/1.1 x',
      'GET  /api/me HTTP/1.1',
      'GET /api/ me HTTP/1.1',
      'GET /api/me',
      'FOO /api/me HTTP/1.1',
      'GÉT /api/me HTTP/1.1',
      'GET /api/me\u0000 HTTP/1.1',
      'GET /api/me?x=\u0001 HTTP/1.1',
      'GET /api/records/é HTTP/1.1',
      'GET /api/records?q=\u0085 HTTP/1.1',
      '\u0016\u0003\u0001\u0002\u0000',
    )
    .map((requestLine) => ({ kind: 'malformed request line', request: { ...get('/api/me'), requestLine } })),
  fc
    .tuple(
      fc.constantFrom('x-a', 'authorization', 'x-request-id'),
      fc.constantFrom('\u0001', '\u0000', '\u007f', '\u000b'),
    )
    .map(([name, char]) => ({
      kind: 'control character in a header value',
      request: get('/api/me', [[name, `a${char}b`]]),
    })),
  fc
    .constantFrom('x a', 'x:a', 'é', '(x)', '')
    .map((name) => ({ kind: 'invalid header name', request: get('/api/me', [[name, 'v']]) })),
  fc.constant({
    kind: 'Content-Length and Transfer-Encoding together',
    request: {
      method: 'POST',
      target: '/api/records',
      headers: [
        ['content-type', 'application/json'],
        ['transfer-encoding', 'chunked'],
        ['content-length', '5'],
      ] as [string, string][],
      rawBody: '0\r\n\r\n',
    },
  }),
);

export const routes = fc.constantFrom(...ROUTES);
