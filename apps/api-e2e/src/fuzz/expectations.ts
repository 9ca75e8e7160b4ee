import type { RawRequest, RawResponse } from './raw-http';

/** A failed expectation about one exchange, with what it takes to reproduce it by hand. */
export class ExchangeError extends Error {
  constructor(message: string, request: RawRequest, response?: RawResponse) {
    super(`${message}\n${describeExchange(request, response)}`);
    this.name = 'ExchangeError';
  }
}

export function describeExchange(request: RawRequest, response?: RawResponse): string {
  const body =
    request.body === undefined ? '' : `\n  body (${request.body.length} bytes): ${cut(String(request.body))}`;
  const sent = [
    `request: ${request.method} ${cut(request.target)}`,
    ...request.headers.map(([name, value]) => `  ${name}: ${cut(value)}`),
  ].join('\n');
  const answer = response
    ? `response: ${response.status} ${JSON.stringify(response.headers)}\n  ${cut(response.body)}`
    : 'response: none';
  return `${sent}${body}\n${answer}`;
}

/**
 * What every answer must look like (SPEC §6, §10): never a 5xx; the security headers, also on
 * answers the HTTP server writes itself; every 4xx a problem+json document whose `status` is the
 * HTTP status.
 */
export function expectWellFormedAnswer(request: RawRequest, response: RawResponse): void {
  const fail = (message: string) => {
    throw new ExchangeError(message, request, response);
  };
  if (response.status >= 500) fail(`a ${response.status} answer to caller input`);
  if (response.headers['x-content-type-options'] !== 'nosniff' || !response.headers['content-security-policy'])
    fail('an answer without the security headers');
  if (response.status < 400) return;
  if (!/^application\/problem\+json/.test(response.headers['content-type'] ?? ''))
    fail(`a ${response.status} that is not application/problem+json`);
  let problem: unknown;
  try {
    problem = JSON.parse(response.body);
  } catch {
    fail(`a ${response.status} whose body is not JSON`);
  }
  const { status, title, type } = (problem ?? {}) as Record<string, unknown>;
  if (status !== response.status) fail(`a problem whose status (${String(status)}) is not the HTTP status`);
  if (typeof title !== 'string' || typeof type !== 'string') fail('a problem without type and title');
}

/** RFC 6750: a 401 with the API's Bearer challenge; `invalid_token` unless no credential was recognised. */
export function expectUnauthorized(request: RawRequest, response: RawResponse, token?: string): void {
  const fail = (message: string) => {
    throw new ExchangeError(message, request, response);
  };
  if (response.status !== 401) fail(`expected 401, got ${response.status}`);
  const challenge = response.headers['www-authenticate'] ?? '';
  if (!/^Bearer realm="api"(, error="invalid_token", error_description="[^"]+")?$/.test(challenge))
    fail(`an unexpected challenge: ${challenge}`);
  if (token && token.length >= 16 && (response.body.includes(token) || challenge.includes(token)))
    fail('the answer echoes the token');
}

/** A valid token without the route's permission: 403 `insufficient_scope`. */
export function expectInsufficientScope(request: RawRequest, response: RawResponse): void {
  if (response.status !== 403 || !/error="insufficient_scope"/.test(response.headers['www-authenticate'] ?? ''))
    throw new ExchangeError(`expected 403 insufficient_scope, got ${response.status}`, request, response);
}

export function expectStatus(request: RawRequest, response: RawResponse, allowed: readonly number[]): void {
  if (!allowed.includes(response.status))
    throw new ExchangeError(`expected one of ${allowed.join(', ')}, got ${response.status}`, request, response);
}

function cut(text: string, max = 400): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}
