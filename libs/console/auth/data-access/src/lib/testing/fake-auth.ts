import type { Provider } from '@angular/core';
import { BehaviorSubject, of } from 'rxjs';
import { AUTH0 } from '../auth0';

/** Auth0's AuthService as far as the console uses it; `finishLoading()` ends its start-up check. */
export function fakeAuth(signedIn: boolean) {
  const isLoading$ = new BehaviorSubject(true);
  return {
    isLoading$,
    isAuthenticated$: new BehaviorSubject(signedIn),
    error$: new BehaviorSubject<Error>(new Error('none')),
    loginWithRedirect: jest.fn(() => of(undefined)),
    logout: jest.fn(() => of(undefined)),
    finishLoading: () => isLoading$.next(false),
  };
}

/** Provides `auth` as the loaded Auth0 SDK. */
export function provideFakeAuth(auth: ReturnType<typeof fakeAuth>): Provider {
  return { provide: AUTH0, useValue: of({ auth, intercept: jest.fn() }) };
}
