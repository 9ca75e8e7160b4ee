import { InvalidRequestError, InvalidTokenError, MissingCredentialsError } from './bearer-errors';

interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
  /** The headers as sent, name and value alternating (Node's `rawHeaders`; on Fastify, `raw.rawHeaders`). */
  rawHeaders?: readonly string[];
  raw?: { rawHeaders?: readonly string[] };
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
  // Node keeps the first of repeated Authorization headers and drops the rest; a proxy may read
  // another one, so a request carrying several is ambiguous, whichever would win.
  if (Array.isArray(header) || authorizationHeaderCount(request) > 1)
    throw new InvalidRequestError('Send exactly one Authorization header.');
  if (hasAccessTokenParameter(request.query) || hasAccessTokenParameter(request.body)) {
    throw new InvalidRequestError('Send the access token in the Authorization header only.');
  }
  if (!/^bearer /i.test(header)) throw new MissingCredentialsError();
  const match = BEARER.exec(header);
  if (!match) throw new InvalidTokenError('The access token is malformed.', 'malformed');
  return match[1];
}

function authorizationHeaderCount(request: RequestLike): number {
  const raw = request.raw?.rawHeaders ?? request.rawHeaders ?? [];
  let count = 0;
  for (let i = 0; i < raw.length; i += 2) if (raw[i].length === 13 && raw[i].toLowerCase() === 'authorization') count++;
  return count;
}

function hasAccessTokenParameter(source: unknown): boolean {
  return typeof source === 'object' && source !== null && Object.hasOwn(source, 'access_token');
}
