import { HttpException } from '@nestjs/common';
import type { Problem } from '@steward/shared-domain';

/** What a thrower may say about a problem; `status` and a default `title` come from the status code. */
export type ProblemFields = Partial<Pick<Problem, 'type' | 'title' | 'detail' | 'errors'>>;

/**
 * An HTTP error that becomes exactly this problem+json body, plus response headers
 * (e.g. `WWW-Authenticate`, `Retry-After`). Texts must be safe to show to any caller.
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly fields: ProblemFields = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(fields.detail ?? fields.title ?? 'Problem', status);
  }
}
