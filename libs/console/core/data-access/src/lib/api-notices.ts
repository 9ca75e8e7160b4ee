import { Injectable, Injector, inject, signal } from '@angular/core';
import type { MatSnackBar } from '@angular/material/snack-bar';
import { defer, map, switchMap, type Observable } from 'rxjs';

/** How long a retry offer stays on screen before the failure reaches the page. */
const RETRY_OFFER_MS = 15_000;

/** The console-wide messages about API calls: one place decides how failures are told to the user. */
@Injectable({ providedIn: 'root' })
export class ApiNotices {
  private readonly injector = inject(Injector);
  /** The API refused the session (expired, revoked, user blocked): the shell asks to sign in again. */
  readonly sessionEnded = signal(false);

  endSession(): void {
    this.sessionEnded.set(true);
  }

  tell(message: string): void {
    this.snackBar().subscribe((snackBar) => snackBar.open(message, 'Dismiss', { duration: 6_000 }));
  }

  /** Shows the failure with a Retry button; emits whether the user asked to retry. */
  offerRetry(message: string): Observable<boolean> {
    return this.snackBar().pipe(
      switchMap((snackBar) => snackBar.open(message, 'Retry', { duration: RETRY_OFFER_MS }).afterDismissed()),
      map((dismissal) => dismissal.dismissedByAction),
    );
  }

  /** The snack bar (with the CDK overlay under it) loads on the first notice, not with the start page. */
  private snackBar(): Observable<MatSnackBar> {
    return defer(() => import('@angular/material/snack-bar')).pipe(
      map((module) => this.injector.get(module.MatSnackBar)),
    );
  }
}
