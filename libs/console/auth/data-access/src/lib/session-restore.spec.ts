import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom, throwError } from 'rxjs';
import { SessionMarker } from './session-marker';
import { SessionRestore } from './session-restore';
import { fakeAuth, provideFakeAuth } from './testing/fake-auth';

function start(address: string, auth = fakeAuth(false)) {
  window.history.replaceState(null, '', address);
  TestBed.configureTestingModule({
    providers: [provideRouter([]), provideFakeAuth(auth)],
  });
  const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  const restore = TestBed.inject(SessionRestore);
  auth.finishLoading();
  return { auth, restore, navigate, marker: TestBed.inject(SessionMarker) };
}

function hadSession(): void {
  localStorage.setItem('steward.signedIn', '1');
}

describe('SessionRestore', () => {
  afterEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  describe('after a reload that silent authentication could not resume', () => {
    it('should go once through the tenant without a sign-in page and come back to the same address', () => {
      hadSession();
      const { auth, restore } = start('/records?q=ada&sort=-title#top');

      expect(auth.loginWithRedirect).toHaveBeenCalledTimes(1);
      expect(auth.loginWithRedirect).toHaveBeenCalledWith({
        appState: { target: '/records?q=ada&sort=-title#top' },
        authorizationParams: { prompt: 'none' },
      });
      expect(sessionStorage.getItem('steward.sessionRestore')).toBe('/records?q=ada&sort=-title#top');
      expect(restore.settled()).toBe(false);
    });

    it('should do the same on the start page', () => {
      hadSession();
      const { auth } = start('/');
      expect(auth.loginWithRedirect).toHaveBeenCalledWith({
        appState: { target: '/' },
        authorizationParams: { prompt: 'none' },
      });
    });

    it('should leave a browser that never had a session signed out', async () => {
      const { auth, restore } = start('/records');
      expect(auth.loginWithRedirect).not.toHaveBeenCalled();
      expect(restore.settled()).toBe(true);
      await expect(firstValueFrom(restore.signedIn$)).resolves.toBe(false);
    });

    it('should give up and forget the session when the redirect cannot even start', () => {
      hadSession();
      const auth = fakeAuth(false);
      auth.loginWithRedirect.mockReturnValue(throwError(() => new Error('no crypto')));
      const { restore } = start('/records', auth);
      expect(restore.settled()).toBe(true);
      expect(localStorage.getItem('steward.signedIn')).toBeNull();
      expect(sessionStorage.getItem('steward.sessionRestore')).toBeNull();
    });
  });

  describe('when the tenant answers the restore', () => {
    it('should keep the session and let the SDK return to the address', async () => {
      hadSession();
      sessionStorage.setItem('steward.sessionRestore', '/records?q=ada');
      const { auth, restore, navigate } = start('/?code=abc&state=xyz', fakeAuth(true));

      await expect(firstValueFrom(restore.signedIn$)).resolves.toBe(true);
      expect(auth.loginWithRedirect).not.toHaveBeenCalled();
      expect(navigate).not.toHaveBeenCalled();
      expect(sessionStorage.getItem('steward.sessionRestore')).toBeNull();
      expect(localStorage.getItem('steward.signedIn')).toBe('1');
    });

    it('should forget the session on login_required, go back to the address signed out, and never loop', async () => {
      hadSession();
      sessionStorage.setItem('steward.sessionRestore', '/records?q=ada');
      const { auth, restore, navigate } = start('/?error=login_required&state=xyz');

      await expect(firstValueFrom(restore.signedIn$)).resolves.toBe(false);
      expect(auth.loginWithRedirect).not.toHaveBeenCalled();
      expect(navigate).toHaveBeenCalledWith('/records?q=ada', { replaceUrl: true });
      expect(localStorage.getItem('steward.signedIn')).toBeNull();
      expect(sessionStorage.getItem('steward.sessionRestore')).toBeNull();
    });

    it('should not try again when the user came back from the tenant some other way', () => {
      hadSession();
      sessionStorage.setItem('steward.sessionRestore', '/records');
      const { auth, restore } = start('/records');
      expect(auth.loginWithRedirect).not.toHaveBeenCalled();
      expect(restore.settled()).toBe(true);
      expect(localStorage.getItem('steward.signedIn')).toBeNull();
    });
  });

  describe('after an interactive sign-in', () => {
    it('should remember that this browser has a session', () => {
      const { restore } = start('/?code=abc&state=xyz', fakeAuth(true));
      expect(restore.settled()).toBe(true);
      expect(localStorage.getItem('steward.signedIn')).toBe('1');
    });

    it('should not bounce a failed sign-in back to the tenant', () => {
      hadSession();
      const { auth, restore } = start('/?error=access_denied&error_description=user%20is%20blocked&state=xyz');
      expect(auth.loginWithRedirect).not.toHaveBeenCalled();
      expect(restore.settled()).toBe(true);
      expect(localStorage.getItem('steward.signedIn')).toBeNull();
    });
  });

  it('should keep nothing but the two markers in web storage', () => {
    hadSession();
    start('/records');
    const stored = [localStorage, sessionStorage].flatMap((area) => Object.keys(area));
    expect(stored.sort()).toEqual(['steward.sessionRestore', 'steward.signedIn']);
  });

  it('should wait for the SDK before deciding', () => {
    hadSession();
    window.history.replaceState(null, '', '/records');
    const auth = fakeAuth(false);
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideFakeAuth(auth)] });
    const restore = TestBed.inject(SessionRestore);
    expect(auth.loginWithRedirect).not.toHaveBeenCalled();
    expect(restore.settled()).toBe(false);
  });
});
