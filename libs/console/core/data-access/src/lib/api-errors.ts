import { HttpErrorResponse, type HttpEvent, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { CONSOLE_CONFIG } from '@steward/console-auth-data-access';
import { catchError, finalize, retry, switchMap, throwError, timer, type Observable } from 'rxjs';
import { Activity } from './activity';
import { ApiNotices } from './api-notices';
import { NO_RESPONSE, readProblem } from './problem';

/** Retries of a 429/503 before the failure is shown; waits honour `Retry-After`, capped. */
export const BUSY_RETRIES = 3;
const MAX_WAIT_SECONDS = 10;
const DEFAULT_WAIT_SECONDS = 1;

/** Repeating these cannot do anything twice: a conditional PATCH fails with 412 instead. */
function isRepeatable(request: HttpRequest<unknown>): boolean {
  return ['GET', 'HEAD', 'PUT', 'DELETE'].includes(request.method) || request.headers.has('If-Match');
}

function busyWait(error: HttpErrorResponse): number {
  const header = Number(error.headers.get('Retry-After'));
  const seconds = Number.isFinite(header) && header > 0 ? header : DEFAULT_WAIT_SECONDS;
  return Math.min(seconds, MAX_WAIT_SECONDS) * 1000;
}

/**
 * A 403 for a missing permission (`WWW-Authenticate: … insufficient_scope`) is the console's to
 * announce; a 403 for a business rule (e.g. the role ceiling) carries a reason the page shows.
 */
function isPermissionRefusal(error: unknown, detail: string | undefined): boolean {
  const challenge = error instanceof HttpErrorResponse ? error.headers.get('WWW-Authenticate') : null;
  return challenge?.includes('insufficient_scope') ?? detail === undefined;
}

/** auth0-spa-js failures (`login_required`, `missing_refresh_token`, …) carry an OAuth error code. */
function isTokenFailure(error: unknown): boolean {
  return !(error instanceof HttpErrorResponse) && typeof (error as { error?: unknown } | null)?.error === 'string';
}

/**
 * The console's one error policy for calls to the Steward API:
 * 429/503 → "busy", retried after `Retry-After`; 401 or a token that cannot be renewed → sign in
 * again; 403 for a missing permission → "you don't have access"; no answer or 5xx → a message with Retry for requests that
 * are safe to repeat. Everything else (400, 404, 409, 412) is the page's to explain, and every
 * failure still reaches the caller.
 */
export const apiErrorInterceptor: HttpInterceptorFn = (request, next) => {
  const apiUrl = inject(CONSOLE_CONFIG).apiUrl;
  if (!request.url.startsWith(`${apiUrl}/`)) return next(request);
  const activity = inject(Activity);
  const notices = inject(ApiNotices);

  const send = (): Observable<HttpEvent<unknown>> =>
    next(request).pipe(
      retry({
        count: BUSY_RETRIES,
        delay: (error: unknown) => {
          if (!(error instanceof HttpErrorResponse) || (error.status !== 429 && error.status !== 503)) {
            return throwError(() => error);
          }
          activity.retrying.set(true);
          return timer(busyWait(error)).pipe(finalize(() => activity.retrying.set(false)));
        },
      }),
      catchError((error: unknown) => {
        if (isTokenFailure(error)) {
          notices.endSession();
          return throwError(() => error);
        }
        const problem = readProblem(error);
        switch (true) {
          case problem.status === 401:
            notices.endSession();
            break;
          case problem.status === 403 && isPermissionRefusal(error, problem.detail):
            notices.tell("You don't have access to do that.");
            break;
          case problem.status === 429:
            notices.tell('Steward is busy. Please try again in a moment.');
            break;
          case problem.status === NO_RESPONSE || problem.status >= 500: {
            const message =
              problem.status === NO_RESPONSE ? `${problem.title}.` : `The Steward API failed (${problem.status}).`;
            if (!isRepeatable(request)) {
              notices.tell(`${message} Check the list before trying again.`);
              break;
            }
            return notices.offerRetry(message).pipe(switchMap((again) => (again ? send() : throwError(() => error))));
          }
        }
        return throwError(() => error);
      }),
    );
  return send();
};
