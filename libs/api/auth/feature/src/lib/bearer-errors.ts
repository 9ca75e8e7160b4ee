import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@steward/api-core-util';

/** Builds an RFC 6750 `WWW-Authenticate` challenge; values are fixed texts, never caller input. */
function challenge(params: Record<string, string> = {}): Record<string, string> {
  const attributes = Object.entries({ realm: 'api', ...params }).map(([key, value]) => `${key}="${value}"`);
  return { 'WWW-Authenticate': `Bearer ${attributes.join(', ')}` };
}

/** No credentials, or credentials in a scheme other than Bearer: a bare challenge (RFC 6750 §3.1). */
export class MissingCredentialsError extends ProblemException {
  constructor() {
    super(
      HttpStatus.UNAUTHORIZED,
      { detail: 'This request needs an access token in the Authorization header.' },
      challenge(),
    );
  }
}

/** A token was presented but cannot be accepted. The description never says what was expected. */
export class InvalidTokenError extends ProblemException {
  constructor(description = 'The access token is invalid.') {
    super(
      HttpStatus.UNAUTHORIZED,
      { detail: description },
      challenge({ error: 'invalid_token', error_description: description }),
    );
  }
}

/** The token is valid but does not carry what the route needs. */
export class InsufficientScopeError extends ProblemException {
  constructor(description: string, scope?: readonly string[]) {
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
export class InvalidRequestError extends ProblemException {
  constructor(description: string) {
    super(
      HttpStatus.BAD_REQUEST,
      { detail: description },
      challenge({ error: 'invalid_request', error_description: description }),
    );
  }
}
