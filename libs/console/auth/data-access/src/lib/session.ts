import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AuthService } from '@auth0/auth0-angular';
import { map } from 'rxjs';

/** The browser's sign-in state as signals, and the two things a user can do with it. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly auth = inject(AuthService);
  private readonly document = inject(DOCUMENT);

  readonly isLoading = toSignal(this.auth.isLoading$, { initialValue: true });
  readonly isAuthenticated = toSignal(this.auth.isAuthenticated$, { initialValue: false });
  /** Why the last sign-in failed, e.g. Auth0's "user is blocked". */
  readonly error = toSignal(this.auth.error$.pipe(map((error) => error.message)), { initialValue: null });

  signIn(target = '/'): void {
    this.auth.loginWithRedirect({ appState: { target } }).subscribe();
  }

  /** Signs out of the console and of the tenant (Auth0 `/v2/logout`). */
  signOut(): void {
    this.auth.logout({ logoutParams: { returnTo: this.document.location.origin } }).subscribe();
  }
}
