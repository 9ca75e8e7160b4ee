import fc from 'fast-check';
import type { RawRequest } from '../raw-http';

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
