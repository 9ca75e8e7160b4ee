import { HttpStatus, Logger } from '@nestjs/common';
import { ProblemException } from '@steward/api-core-util';
import { ManagementError } from 'auth0';

const logger = new Logger('UserDirectory');

/**
 * Maps a Management API failure to a clean answer: 404 and 409 pass through with Steward's words;
 * rate limits and outages become 503 with Retry-After; anything else (a misconfigured client, a
 * missing scope) is our fault, logged without secrets and answered as 503.
 */
export function toProblem(error: unknown): never {
  if (error instanceof ProblemException) throw error;
  const status = error instanceof ManagementError ? error.statusCode : undefined;
  if (status === 404) throw new ProblemException(HttpStatus.NOT_FOUND, { detail: 'There is no such user.' });
  if (status === 409)
    throw new ProblemException(HttpStatus.CONFLICT, { detail: 'A user with this email address already exists.' });
  if (status === 400)
    throw new ProblemException(HttpStatus.BAD_REQUEST, {
      title: 'Invalid request',
      detail: 'The user directory refused this request.',
    });
  const retryAfter = status === 429 ? retryAfterOf(error as ManagementError) : 5;
  if (status !== 429 && !(status !== undefined && status >= 500)) {
    logger.error(`Management API call failed (${status ?? (error as Error).name}): ${(error as Error).message}`);
  }
  throw new ProblemException(
    HttpStatus.SERVICE_UNAVAILABLE,
    {
      detail:
        status === 429
          ? 'The user directory is busy. Try again shortly.'
          : 'The user directory is unavailable. Try again shortly.',
    },
    { 'Retry-After': String(retryAfter) },
  );
}

function retryAfterOf(error: ManagementError): number {
  const headers = error.rawResponse?.headers;
  const retryAfter = Number(headers?.get('retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(60, Math.ceil(retryAfter));
  const reset = Number(headers?.get('x-ratelimit-reset'));
  if (Number.isFinite(reset) && reset > 0) return Math.min(60, Math.max(1, Math.ceil(reset - Date.now() / 1000)));
  return 1;
}
