import type { ApiConfig } from '@steward/api-config-util';
import { PROBLEM_CONTENT_TYPE, type Problem } from '@steward/shared-domain';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The headers every API response carries, including the ones the HTTP server writes itself:
 * JSON only, so nothing may load, frame, embed or cache it. One fixed object, set once per request.
 */
export function securityHeaders(env: ApiConfig['env']): Readonly<Record<string, string>> {
  return Object.freeze({
    'content-security-policy': "default-src 'none';frame-ancestors 'none'",
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-site',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    ...(env === 'production' && { 'strict-transport-security': 'max-age=31536000; includeSubDomains' }),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    'cache-control': 'no-store',
  });
}

/** Errors the HTTP parser raises before a request exists, and what they mean for the caller. */
const CLIENT_ERRORS: Record<string, { status: number; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, detail: 'The request headers are too large.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'The request took too long to arrive.' },
};

/**
 * Answers a request the HTTP parser refused (a malformed request line, oversized headers, a
 * timeout) with a problem+json body and the same security headers as every other response, then
 * closes the connection. Replaces Fastify's default, which sends bare JSON without them.
 */
export function clientErrorHandler(headers: Readonly<Record<string, string>>) {
  return (error: Error & { code?: string }, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const { status, detail } = CLIENT_ERRORS[error.code ?? ''] ?? {
      status: 400,
      detail: 'The request could not be read as HTTP.',
    };
    const title = STATUS_CODES[status] ?? 'Error';
    const body = JSON.stringify({ type: 'about:blank', title, status, detail } satisfies Problem);
    const lines = [
      `HTTP/1.1 ${status} ${title}`,
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      `content-type: ${PROBLEM_CONTENT_TYPE}`,
      `content-length: ${Buffer.byteLength(body)}`,
      'connection: close',
    ];
    if (socket.writable) socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`);
    socket.destroy();
  };
}
