import { HttpErrorResponse } from '@angular/common/http';
import type { Problem } from '@steward/shared-domain';

/** Status 0: the browser got no HTTP answer (offline, DNS, CORS, connection refused). */
export const NO_RESPONSE = 0;

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'title' in body && 'status' in body;
}

/**
 * Whatever went wrong with an API call, as a problem document the UI can show: the API's own
 * problem+json body when there is one, otherwise a plain description of the HTTP failure.
 */
export function readProblem(error: unknown): Problem {
  if (error instanceof HttpErrorResponse) {
    if (isProblem(error.error)) return error.error;
    if (error.status === NO_RESPONSE) {
      return { type: 'about:blank', title: 'The Steward API cannot be reached', status: NO_RESPONSE };
    }
    return { type: 'about:blank', title: error.statusText || 'Request failed', status: error.status };
  }
  return { type: 'about:blank', title: 'Something went wrong', status: NO_RESPONSE };
}

/** The messages the API gave for one form field (validation problems carry `errors` by field path). */
export function fieldErrors(problem: Problem | null | undefined, field: string): string[] {
  return problem?.errors?.[field] ?? [];
}
