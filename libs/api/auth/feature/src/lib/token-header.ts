import { InvalidTokenError } from './bearer-errors';

/** Header parameters that would let a token pick its own verification key. */
const KEY_CARRYING = ['jku', 'x5u', 'jwk', 'x5c'] as const;
const ACCESS_TOKEN_TYPES = new Set(['jwt', 'at+jwt', 'application/jwt', 'application/at+jwt']);

/**
 * Checks a JWT's protected header before any key is looked up and returns its `kid`.
 * Only RS256 access tokens whose key is named by `kid` pass.
 */
export function checkedKeyId(token: string): string {
  const header = decodeHeader(token);
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

function decodeHeader(token: string): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3) throw new InvalidTokenError('The access token is malformed.');
  try {
    const header: unknown = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    if (typeof header === 'object' && header !== null && !Array.isArray(header))
      return header as Record<string, unknown>;
  } catch {
    // fall through to the same answer as a non-object header
  }
  throw new InvalidTokenError('The access token is malformed.');
}
