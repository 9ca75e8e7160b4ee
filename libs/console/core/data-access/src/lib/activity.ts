import type { HttpInterceptorFn } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { finalize } from 'rxjs';

/** What the console is waiting for: requests in flight and, while the API is busy, a retry notice. */
@Injectable({ providedIn: 'root' })
export class Activity {
  private readonly inFlight = signal(0);
  /** Set while a request waits to be retried after a 429 or 503. */
  readonly retrying = signal(false);
  readonly busy = computed(() => this.inFlight() > 0);

  track(delta: 1 | -1): void {
    this.inFlight.update((count) => Math.max(0, count + delta));
  }
}

/** Counts every HTTP request while it is in flight, for the shell's progress bar. */
export const activityInterceptor: HttpInterceptorFn = (request, next) => {
  const activity = inject(Activity);
  activity.track(1);
  return next(request).pipe(finalize(() => activity.track(-1)));
};
