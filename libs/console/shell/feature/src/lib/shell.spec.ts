import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { CONSOLE_CONFIG, Session } from '@steward/console-auth-data-access';
import { Activity, ApiNotices } from '@steward/console-core-data-access';
import type { Me, Permission } from '@steward/shared-domain';
import { Shell } from './shell';

function setup(state: { isAuthenticated: boolean; isLoading: boolean }) {
  const session = {
    isAuthenticated: signal(state.isAuthenticated),
    isLoading: signal(state.isLoading),
    signIn: jest.fn(),
    signOut: jest.fn(),
  };
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: CONSOLE_CONFIG, useValue: { apiUrl: 'https://api.example.com' } },
      { provide: Session, useValue: session },
    ],
  });
  const fixture = TestBed.createComponent(Shell);
  return { fixture, session, root: fixture.nativeElement as HTMLElement };
}

function me(permissions: Permission[]): Me {
  return { sub: 'auth0|1', email: 'a@example.com', name: 'Ada', roles: [], permissions };
}

const buttons = (root: HTMLElement) => [...root.querySelectorAll('button')].map((b) => b.textContent?.trim());
const menu = (root: HTMLElement) => [...root.querySelectorAll('nav a')].map((a) => a.textContent?.trim());

describe('Shell', () => {
  it('should offer to sign in when signed out', async () => {
    const { fixture, session, root } = setup({ isAuthenticated: false, isLoading: false });
    await fixture.whenStable();
    expect(root.querySelector('nav')).toBeNull();
    [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Sign in')?.click();
    expect(session.signIn).toHaveBeenCalled();
  });

  it.each<[string, Permission[], string[]]>([
    ['an admin', ['read:records', 'read:users', 'read:audit'], ['Records', 'Users', 'Audit log']],
    ['staff', ['read:records', 'create:records', 'update:records'], ['Records']],
    ['a user without permissions', [], []],
  ])('should show %s only the sections their permissions open', async (_who, permissions, expected) => {
    const { fixture, root } = setup({ isAuthenticated: true, isLoading: false });
    fixture.detectChanges();
    TestBed.inject(HttpTestingController).expectOne('https://api.example.com/api/me').flush(me(permissions));
    await fixture.whenStable();
    expect(menu(root)).toEqual(expected);
    expect(root.querySelector('[data-testid="user-menu"]')?.textContent?.trim()).toBe('Ada');
    expect(buttons(root)).not.toContain('Sign in');
  });

  it('should show progress while the session is restored or a request is in flight', async () => {
    const { fixture, session, root } = setup({ isAuthenticated: false, isLoading: true });
    await fixture.whenStable();
    expect(root.querySelector('[role="progressbar"]')).not.toBeNull();
    expect(buttons(root)).not.toContain('Sign in');

    session.isLoading.set(false);
    await fixture.whenStable();
    expect(root.querySelector('[role="progressbar"]')).toBeNull();
    TestBed.inject(Activity).track(1);
    await fixture.whenStable();
    expect(root.querySelector('[role="progressbar"]')).not.toBeNull();
  });

  it('should ask to sign in again, back to the same page, when the API ends the session', async () => {
    const { fixture, session, root } = setup({ isAuthenticated: true, isLoading: false });
    fixture.detectChanges();
    TestBed.inject(HttpTestingController).expectOne('https://api.example.com/api/me').flush(me([]));
    await TestBed.inject(Router)
      .navigateByUrl('/somewhere?q=1')
      .catch(() => undefined);
    TestBed.inject(ApiNotices).endSession();
    await fixture.whenStable();
    const alert = root.querySelector('[data-testid="session-ended"]');
    expect(alert?.getAttribute('role')).toBe('alert');
    alert?.querySelector('button')?.click();
    expect(session.signIn).toHaveBeenCalledWith(TestBed.inject(Router).url);
  });
});
