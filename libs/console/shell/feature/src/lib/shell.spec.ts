import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CONSOLE_CONFIG, Session } from '@steward/console-auth-data-access';
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

describe('Shell', () => {
  it('should offer to sign in when signed out', async () => {
    const { fixture, session, root } = setup({ isAuthenticated: false, isLoading: false });
    await fixture.whenStable();
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Sign in');
    expect(button).toBeDefined();
    expect(root.querySelector('nav')).toBeNull();
    button?.click();
    expect(session.signIn).toHaveBeenCalled();
  });

  it('should show navigation and the account menu when signed in', () => {
    const { fixture, root } = setup({ isAuthenticated: true, isLoading: false });
    fixture.detectChanges(); // the profile request stays pending: no whenStable here
    expect(root.querySelector('nav a')?.textContent?.trim()).toBe('Profile');
    expect(root.querySelector('[data-testid="user-menu"]')).not.toBeNull();
    expect([...root.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Sign in')).toBe(false);
  });

  it('should show progress, and no sign-in button, while the session is being restored', async () => {
    const { fixture, root } = setup({ isAuthenticated: false, isLoading: true });
    await fixture.whenStable();
    expect(root.querySelector('mat-progress-bar')).not.toBeNull();
    expect([...root.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Sign in')).toBe(false);
  });
});
