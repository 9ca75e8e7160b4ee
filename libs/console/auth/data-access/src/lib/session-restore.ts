import { DOCUMENT } from '@angular/common';
import { Injectable, Injector, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { AuthService } from '@auth0/auth0-angular';
import { ReplaySubject, filter, map, switchMap, take, type Observable } from 'rxjs';
import { AUTH0 } from './auth0';
import { SessionMarker } from './session-marker';

/**
 * Brings the session back after a reload where silent authentication cannot: with the console and
 * the tenant on different sites and third-party cookies blocked, auth0-spa-js's iframe never sees
 * the tenant's session cookie. If this browser had a session, the console goes once through the
 * tenant at top level — where that cookie is first-party — with `prompt=none`, so no sign-in page
 * can appear, and comes back to the same address. Any other answer (`login_required`) ends it:
 * the marker is dropped and the user is signed out, as anyone else would be. Never twice per tab.
 */
@Injectable({ providedIn: 'root' })
export class SessionRestore {
  private readonly auth0 = inject(AUTH0);
  private readonly marker = inject(SessionMarker);
  private readonly injector = inject(Injector);
  private readonly outcome = new ReplaySubject<boolean>(1);
  private readonly settledState = signal(false);
  /** False while the start-up sign-in state may still change (including while leaving for the tenant). */
  readonly settled = this.settledState.asReadonly();
  /** Emits once, when the start-up sign-in state is final: whether the user is signed in. */
  readonly signedIn$: Observable<boolean> = this.outcome.pipe(take(1));

  constructor() {
    const { pathname, search, hash } = inject(DOCUMENT).location;
    const here = pathname + search + hash;
    const callback = isRedirectCallback(search);
    const attempt = this.marker.takeRestore();
    this.auth0
      .pipe(
        switchMap(({ auth }) =>
          auth.isLoading$.pipe(
            filter((loading) => !loading),
            take(1),
            switchMap(() => auth.isAuthenticated$.pipe(take(1))),
            map((signedIn) => ({ auth, signedIn })),
          ),
        ),
      )
      .subscribe({
        next: ({ auth, signedIn }) => {
          if (signedIn) {
            this.marker.remember();
            return this.settle(true);
          }
          if (attempt !== null) {
            // The tenant had no session for us either. Auth0's SDK went to its error path; go back.
            this.marker.forget();
            void this.injector.get(Router).navigateByUrl(attempt, { replaceUrl: true });
            return this.settle(false);
          }
          if (callback) {
            // A sign-in that just failed: nothing to restore; the page shows why.
            this.marker.forget();
            return this.settle(false);
          }
          if (!this.marker.hadSession()) return this.settle(false);
          this.restore(auth, here);
        },
        // The SDK could not be loaded: signed out, and `Session.error` says why.
        error: () => this.settle(false),
      });
  }

  private restore(auth: AuthService, target: string): void {
    this.marker.beginRestore(target);
    auth.loginWithRedirect({ appState: { target }, authorizationParams: { prompt: 'none' } }).subscribe({
      error: () => {
        this.marker.takeRestore();
        this.marker.forget();
        this.settle(false);
      },
    });
  }

  private settle(signedIn: boolean): void {
    this.settledState.set(true);
    this.outcome.next(signedIn);
  }
}

/** Auth0's SDK treats these start-up addresses as the answer to a redirect (see AuthService). */
function isRedirectCallback(search: string): boolean {
  const params = new URLSearchParams(search);
  return (params.has('code') || params.has('error')) && params.has('state');
}
