import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@steward/api-core-util';
import type { AuthFailureReason } from '@steward/api-metrics-util';

/** Builds an RFC 6750 `WWW-Authenticate` challenge; values are fixed texts, never caller input. */
function challenge(params: Record<string, string> = {}): Record<string, string> {
  const attributes = Object.entries({ realm: 'api', ...params }).map(([key, value]) => `${key}="${value}"`);
  return { 'WWW-Authenticate': `Bearer ${attributes.join(', ')}` };
}

/** A refusal by authentication or authorization; `reason` is what the metrics count it as. */
export abstract class BearerError extends ProblemException {
  abstract readonly reason: AuthFailureReason;
}

/** No credentials, or credentials in a scheme other than Bearer: a bare challenge (RFC 6750 §3.1). */
export class MissingCredentialsError extends BearerError {
  readonly reason = 'missing_token';

  constructor() {
    super(
      HttpStatus.UNAUTHORIZED,
      { detail: 'This request needs an access token in the Authorization header.' },
      challenge(),
    );
  }
}

/** A token was presented but cannot be accepted. The description never says what was expected. */
export class InvalidTokenError extends BearerError {
  constructor(
    description = 'The access token is invalid.',
    readonly reason: AuthFailureReason = 'invalid',
  ) {
    super(
      HttpStatus.UNAUTHORIZED,
      { detail: description },
      challenge({ error: 'invalid_token', error_description: description }),
    );
  }
}

/** The token is valid but does not carry what the route needs. */
export class InsufficientScopeError extends BearerError {
  constructor(
    description: string,
    scope?: readonly string[],
    readonly reason: AuthFailureReason = 'insufficient_scope',
  ) {
    super(
      HttpStatus.FORBIDDEN,
      { detail: description },
      challenge({
        error: 'insufficient_scope',
        error_description: description,
        ...(scope?.length ? { scope: scope.join(' ') } : {}),
      }),
    );
  }
}

/** The request itself is malformed, e.g. it carries a token in two places. */
export class InvalidRequestError extends BearerError {
  readonly reason = 'invalid_request';

  constructor(description: string) {
    super(
      HttpStatus.BAD_REQUEST,
      { detail: description },
      challenge({ error: 'invalid_request', error_description: description }),
    );
  }
}
