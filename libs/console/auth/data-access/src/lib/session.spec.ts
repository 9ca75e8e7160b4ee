import { TestBed } from '@angular/core/testing';
import { provideRouter, type RouterStateSnapshot } from '@angular/router';
import { firstValueFrom, isObservable, throwError, type Observable } from 'rxjs';
import { AUTH0 } from './auth0';
import { Session } from './session';
import { requireSignIn } from './sign-in-guard';
import { fakeAuth, provideFakeAuth } from './testing/fake-auth';

function setup(signedIn: boolean, address = '/') {
  window.history.replaceState(null, '', address);
  const auth = fakeAuth(signedIn);
  TestBed.configureTestingModule({ providers: [provideRouter([]), provideFakeAuth(auth)] });
  return { auth, session: TestBed.inject(Session) };
}

function guard(url: string): Observable<boolean> {
  const result = TestBed.runInInjectionContext(() => requireSignIn({} as never, { url } as RouterStateSnapshot));
  if (!isObservable(result)) throw new Error('expected an observable');
  return result as Observable<boolean>;
}

describe('Session', () => {
  afterEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('should stay loading until the start-up sign-in state is final', () => {
    const { auth, session } = setup(true);
    expect(session.isLoading()).toBe(true);
    auth.finishLoading();
    expect(session.isLoading()).toBe(false);
  });

  it('should forget the session marker on sign-out and end the tenant session', () => {
    const { auth, session } = setup(true);
    auth.finishLoading();
    expect(localStorage.getItem('steward.signedIn')).toBe('1');
    session.signOut();
    expect(localStorage.getItem('steward.signedIn')).toBeNull();
    expect(auth.logout).toHaveBeenCalledWith({ logoutParams: { returnTo: window.location.origin } });
  });

  it("should leave the user signed out, and say why, when Auth0's SDK cannot be loaded", async () => {
    window.history.replaceState(null, '', '/records');
    localStorage.setItem('steward.signedIn', '1');
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: AUTH0, useValue: throwError(() => new Error('chunk failed')) }],
    });
    const session = TestBed.inject(Session);
    await expect(firstValueFrom(guard('/records'))).resolves.toBe(false);
    expect(session.isLoading()).toBe(false);
    expect(session.isAuthenticated()).toBe(false);
    expect(session.error()).toMatch(/could not be loaded/);
  });

  it('should report why a sign-in failed, but not a silent "no session" answer', () => {
    const { auth, session } = setup(false);
    auth.error$.next(Object.assign(new Error('user is blocked'), { error: 'unauthorized' }));
    expect(session.error()).toBe('user is blocked');
    auth.error$.next(Object.assign(new Error('Login required'), { error: 'login_required' }));
    expect(session.error()).toBe('user is blocked');
  });
});

describe('requireSignIn', () => {
  afterEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('should let a signed-in user in', async () => {
    const { auth } = setup(true);
    const result = firstValueFrom(guard('/records'));
    auth.finishLoading();
    await expect(result).resolves.toBe(true);
  });

  it('should send a signed-out visitor to sign in, returning to the page they asked for', async () => {
    const { auth } = setup(false);
    const result = firstValueFrom(guard('/records?q=ada'));
    auth.finishLoading();
    await expect(result).resolves.toBe(false);
    expect(auth.loginWithRedirect).toHaveBeenCalledWith({ appState: { target: '/records?q=ada' } });
  });

  it('should hold the page while a session restore is under way, not start a second sign-in', () => {
    localStorage.setItem('steward.signedIn', '1');
    const { auth } = setup(false, '/records');
    const answers: boolean[] = [];
    guard('/records').subscribe((answer) => answers.push(answer));
    auth.finishLoading();
    expect(answers).toEqual([]);
    expect(auth.loginWithRedirect).toHaveBeenCalledTimes(1);
    expect(auth.loginWithRedirect).toHaveBeenCalledWith(
      expect.objectContaining({ authorizationParams: { prompt: 'none' } }),
    );
  });
});
