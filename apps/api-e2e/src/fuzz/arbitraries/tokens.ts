import { API_AUDIENCE } from '@steward/testing-util';
import fc from 'fast-check';
import { createHmac, createPublicKey } from 'node:crypto';
import type { FuzzWorld } from '../world';
import { b64, headerText, isString, isStringArray, json, notA } from './common';

const ACCESS_TOKEN_TYPES = ['jwt', 'at+jwt', 'application/jwt', 'application/at+jwt'];

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
