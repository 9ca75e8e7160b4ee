import { HttpStatus } from '@nestjs/common';
import { ProblemException } from './problem.exception';

/**
 * Error codes meaning a dependency (the database, its network) is down, overloaded or busy for a
 * moment, rather than a bug: the request may succeed when retried. From Node's sockets, mysql2
 * (MySQL/MariaDB) and better-sqlite3.
 */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_SERVER_SHUTDOWN',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_LOCK_DEADLOCK',
  'ER_QUERY_INTERRUPTED',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);

/** Seconds a caller is asked to wait before retrying after an outage answer. */
export const OUTAGE_RETRY_AFTER_SECONDS = 2;

/** True when `error` (or the driver error it wraps) says a dependency is unavailable for now. */
export function isTransientFailure(error: unknown): boolean {
  for (let current = error, hops = 0; typeof current === 'object' && current !== null && hops < 4; hops++) {
    const { code, driverError, cause } = current as { code?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
    current = driverError ?? cause;
  }
  return false;
}

/** The answer to a request that met an outage: 503 with Retry-After; nothing about the dependency leaks. */
export function serviceUnavailable(
  detail = 'The service is briefly unavailable. Try again shortly.',
  retryAfterSeconds = OUTAGE_RETRY_AFTER_SECONDS,
): ProblemException {
  return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, { detail }, { 'Retry-After': String(retryAfterSeconds) });
}
