import { InvalidTokenError } from './bearer-errors';

/** Header parameters that would let a token pick its own verification key. */
const KEY_CARRYING = ['jku', 'x5u', 'jwk', 'x5c'] as const;
const ACCESS_TOKEN_TYPES = new Set(['jwt', 'at+jwt', 'application/jwt', 'application/at+jwt']);

/**
 * Checks a JWT's protected header before any key is looked up and returns its `kid`.
 * Only RS256 access tokens whose key is named by `kid` pass.
 */
export function checkedKeyId(token: string): string {
  return keyIdOf(jwtParts(token)[0]);
}

/**
 * Both checks made before verification, `checkedKeyId` then `checkClaimsSetShape`, splitting and
 * decoding the token once: the `kid` of a token whose header and payload shape are acceptable.
 */
export function checkedAccessToken(token: string): string {
  const [header, payload] = jwtParts(token);
  const kid = keyIdOf(header);
  if (!isJsonObject(decoded(payload))) throw new InvalidTokenError('The access token payload is not a JSON object.');
  return kid;
}

function keyIdOf(encodedHeader: string): string {
  const header = decoded(encodedHeader);
  if (!isJsonObject(header)) throw new InvalidTokenError('The access token is malformed.');
  if (header['alg'] !== 'RS256')
    throw new InvalidTokenError('The access token is signed with an unsupported algorithm.');
  if (KEY_CARRYING.some((name) => name in header)) throw new InvalidTokenError('The access token names its own key.');
  if ('crit' in header)
    throw new InvalidTokenError('The access token has critical header parameters this API does not understand.');
  if (
    header['typ'] !== undefined &&
    (typeof header['typ'] !== 'string' || !ACCESS_TOKEN_TYPES.has(header['typ'].toLowerCase()))
  ) {
    throw new InvalidTokenError('The token is not an access token.');
  }
  if (typeof header['kid'] !== 'string' || header['kid'] === '')
    throw new InvalidTokenError('The access token names no key.');
  return header['kid'];
}

/**
 * Checks that a JWT's payload is a JSON object (RFC 7519 §7.2: the claims set is a JSON object)
 * before any verifier sees it: a signed `null`, number, string or array payload is refused here,
 * so no library downstream ever reads claims off something that is not an object.
 */
export function checkClaimsSetShape(token: string): void {
  if (!isJsonObject(decoded(jwtParts(token)[1])))
    throw new InvalidTokenError('The access token payload is not a JSON object.');
}

/** The three parts of a JWT in compact form. */
function jwtParts(token: string): string[] {
  const parts = token.split('.');
  if (parts.length !== 3) throw new InvalidTokenError('The access token is malformed.');
  return parts;
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
