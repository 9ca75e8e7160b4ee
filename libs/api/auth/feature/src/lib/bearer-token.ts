import { InvalidRequestError, InvalidTokenError, MissingCredentialsError } from './bearer-errors';

interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
  query?: unknown;
  body?: unknown;
}

// RFC 6750 §2.1 b64token; a JWT is three base64url parts.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * The access token of a request, from the Authorization header only (RFC 6750 §2.1).
 * A token in the query string or body is no credential; sent together with a header token
 * it makes the request ambiguous, which is a 400 `invalid_request`.
 */
export function bearerToken(request: RequestLike): string {
  const header = request.headers['authorization'];
  if (header === undefined || header === '') throw new MissingCredentialsError();
  if (Array.isArray(header)) throw new InvalidRequestError('Send exactly one Authorization header.');
  if (hasAccessTokenParameter(request.query) || hasAccessTokenParameter(request.body)) {
    throw new InvalidRequestError('Send the access token in the Authorization header only.');
  }
  if (!/^bearer /i.test(header)) throw new MissingCredentialsError();
  const match = BEARER.exec(header);
  if (!match) throw new InvalidTokenError('The access token is malformed.');
  return match[1];
}

function hasAccessTokenParameter(source: unknown): boolean {
  return typeof source === 'object' && source !== null && Object.hasOwn(source, 'access_token');
}
