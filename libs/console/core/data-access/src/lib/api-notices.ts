import { Injectable, inject, signal } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { map, type Observable } from 'rxjs';

/** How long a retry offer stays on screen before the failure reaches the page. */
const RETRY_OFFER_MS = 15_000;

/** The console-wide messages about API calls: one place decides how failures are told to the user. */
@Injectable({ providedIn: 'root' })
export class ApiNotices {
  private readonly snackBar = inject(MatSnackBar);
  /** The API refused the session (expired, revoked, user blocked): the shell asks to sign in again. */
  readonly sessionEnded = signal(false);

  endSession(): void {
    this.sessionEnded.set(true);
  }

  tell(message: string): void {
    this.snackBar.open(message, 'Dismiss', { duration: 6_000 });
  }

  /** Shows the failure with a Retry button; emits whether the user asked to retry. */
  offerRetry(message: string): Observable<boolean> {
    return this.snackBar
      .open(message, 'Retry', { duration: RETRY_OFFER_MS })
      .afterDismissed()
      .pipe(map((dismissal) => dismissal.dismissedByAction));
  }
}
