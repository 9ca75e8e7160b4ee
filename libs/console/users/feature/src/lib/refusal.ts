import { readProblem } from '@steward/console-core-data-access';

/** Statuses whose explanation belongs on the page; the console's interceptor announces all others. */
const PAGE_EXPLAINS = [400, 403, 404, 409, 412];

/**
 * The API's own words for a refused action (a rule such as "You cannot delete the last admin."),
 * or null when the console-wide notices have already told the user what went wrong.
 */
export function refusalMessage(error: unknown): string | null {
  const problem = readProblem(error);
  if (!PAGE_EXPLAINS.includes(problem.status)) return null;
  if (problem.status === 403 && !problem.detail) return null;
  return problem.detail ?? problem.title;
}
