import { DOCUMENT } from '@angular/common';
import { Injectable, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { AuthService } from '@auth0/auth0-angular';
import { catchError, filter, map, of, switchMap, take, type Observable } from 'rxjs';
import { AUTH0 } from './auth0';
import { SessionMarker } from './session-marker';
import { SessionRestore } from './session-restore';

/** What a `prompt=none` request answers when the tenant has no session: being signed out, not a failure. */
const SILENT_ANSWERS = new Set(['login_required', 'consent_required', 'interaction_required']);

/** The browser's sign-in state as signals, and the two things a user can do with it. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly auth0 = inject(AUTH0);
  private readonly restore = inject(SessionRestore);
  private readonly marker = inject(SessionMarker);
  private readonly document = inject(DOCUMENT);

  /** True until the start-up sign-in state is final, including a session restore through the tenant. */
  readonly isLoading = computed(() => !this.restore.settled());
  private readonly authenticated$ = this.auth0.pipe(
    switchMap(({ auth }) => auth.isAuthenticated$),
    catchError(() => of(false)),
  );
  readonly isAuthenticated = toSignal(this.authenticated$, { initialValue: false });
  /** Why the last sign-in failed, e.g. Auth0's "user is blocked". */
  readonly error = toSignal(
    this.auth0.pipe(
      switchMap(({ auth }) => auth.error$),
      catchError(() => of(new Error('the sign-in service could not be loaded; check your connection and reload'))),
      filter((error) => !SILENT_ANSWERS.has(String((error as { error?: unknown }).error))),
      map((error) => error.message),
    ),
    { initialValue: null },
  );

  /** Emits once, when the sign-in state is final: whether the user is signed in. */
  whenSettled(): Observable<boolean> {
    return this.restore.signedIn$.pipe(switchMap(() => this.authenticated$.pipe(take(1))));
  }

  signIn(target = '/'): void {
    this.run((auth) => auth.loginWithRedirect({ appState: { target } }));
  }

  /** Signs out of the console and of the tenant (Auth0 `/v2/logout`). */
  signOut(): void {
    this.marker.forget();
    this.run((auth) => auth.logout({ logoutParams: { returnTo: this.document.location.origin } }));
  }

  // Without the SDK there is nothing to do; `error` already says why.
  private run(action: (auth: AuthService) => Observable<void>): void {
    this.auth0.pipe(switchMap(({ auth }) => action(auth))).subscribe({ error: () => undefined });
  }
}
