import { InvalidTokenError } from './bearer-errors';

/** Header parameters that would let a token pick its own verification key. */
const KEY_CARRYING = ['jku', 'x5u', 'jwk', 'x5c'] as const;
const ACCESS_TOKEN_TYPES = new Set(['jwt', 'at+jwt', 'application/jwt', 'application/at+jwt']);

/** A compact JWS split and decoded once: what verification needs, nothing checked but its form. */
export interface DecodedAccessToken {
  kid: string;
  claims: Record<string, unknown>;
  /** `header.payload` as sent: the bytes the signature covers. */
  signingInput: string;
  signature: Buffer;
}

// Three base64url parts (RFC 7515 §7.1), no padding: no other spelling of the same bytes is accepted.
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Splits and decodes an access token once, checking its protected header (`checkedKeyId`'s rules)
 * before its payload, and that the payload is a JSON object (RFC 7519 §7.2: a signed `null`,
 * number, string or array is refused here, so nothing downstream reads claims off a non-object).
 */
export function decodeAccessToken(token: string): DecodedAccessToken {
  if (!COMPACT_JWS.test(token)) throw new InvalidTokenError('The access token is malformed.', 'malformed');
  const headerEnd = token.indexOf('.');
  const payloadEnd = token.indexOf('.', headerEnd + 1);
  const kid = checkedHeader(token.slice(0, headerEnd));
  const claims = decoded(token.slice(headerEnd + 1, payloadEnd));
  if (!isJsonObject(claims)) throw new InvalidTokenError('The access token payload is not a JSON object.', 'malformed');
  return {
    kid,
    claims,
    signingInput: token.slice(0, payloadEnd),
    signature: Buffer.from(token.slice(payloadEnd + 1), 'base64url'),
  };
}

/** Headers that passed `keyIdOf`, with their kid: an issuer's tokens share a handful of headers. */
const passedHeaders = new Map<string, string>();
const PASSED_HEADERS_KEPT = 64;

/** `keyIdOf`, remembered for headers seen before (bounded: anything beyond is simply decoded again). */
function checkedHeader(encodedHeader: string): string {
  const known = passedHeaders.get(encodedHeader);
  if (known !== undefined) return known;
  const kid = keyIdOf(encodedHeader);
  if (passedHeaders.size >= PASSED_HEADERS_KEPT) passedHeaders.clear();
  passedHeaders.set(encodedHeader, kid);
  return kid;
}

/** Checks a JWT's protected header before any key is looked up and returns its `kid`. */
function keyIdOf(encodedHeader: string): string {
  const header = decoded(encodedHeader);
  if (!isJsonObject(header)) throw new InvalidTokenError('The access token is malformed.', 'malformed');
  if (header['alg'] !== 'RS256')
    throw new InvalidTokenError('The access token is signed with an unsupported algorithm.', 'malformed');
  if (KEY_CARRYING.some((name) => name in header))
    throw new InvalidTokenError('The access token names its own key.', 'malformed');
  if ('crit' in header)
    throw new InvalidTokenError(
      'The access token has critical header parameters this API does not understand.',
      'malformed',
    );
  if (
    header['typ'] !== undefined &&
    (typeof header['typ'] !== 'string' || !ACCESS_TOKEN_TYPES.has(header['typ'].toLowerCase()))
  ) {
    throw new InvalidTokenError('The token is not an access token.', 'malformed');
  }
  if (typeof header['kid'] !== 'string' || header['kid'] === '')
    throw new InvalidTokenError('The access token names no key.', 'malformed');
  return header['kid'];
}

/** The JSON value of one base64url part, or undefined when it does not decode. */
function decoded(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
