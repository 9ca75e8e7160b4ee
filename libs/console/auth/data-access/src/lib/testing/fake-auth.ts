import { BehaviorSubject, of } from 'rxjs';

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
