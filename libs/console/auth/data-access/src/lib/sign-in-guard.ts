import { inject } from '@angular/core';
import type { CanActivateFn } from '@angular/router';
import { map } from 'rxjs';
import { Session } from './session';

/**
 * Auth0's `authGuardFn`, except that it first lets a session restore after a reload have its say
 * (`authGuardFn` would send the user through the tenant's sign-in first); signed-out users go to
 * sign in and come back to the page they asked for.
 */
export const requireSignIn: CanActivateFn = (_route, state) => {
  const session = inject(Session);
  return session.whenSettled().pipe(
    map((signedIn) => {
      if (!signedIn) session.signIn(state.url);
      return signedIn;
    }),
  );
};
