import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { CONSOLE_CONFIG, Session } from '@steward/console-auth-data-access';
import type { Me } from '@steward/shared-domain';
import { ProfilePage } from './profile-page';

const admin: Me = {
  sub: 'auth0|abc',
  email: 'admin@steward.local',
  name: 'Ada Admin',
  roles: ['admin'],
  permissions: ['read:records', 'read:users'],
};

describe('ProfilePage', () => {
  let fixture: ComponentFixture<ProfilePage>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: CONSOLE_CONFIG,
          useValue: { apiUrl: 'https://api.example.com', auth0Domain: 'x', auth0ClientId: 'y', auth0Audience: 'z' },
        },
        { provide: Session, useValue: { isAuthenticated: signal(true), isLoading: signal(false) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ProfilePage);
    // The request is pending until flushed, so run change detection instead of awaiting stability.
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const text = (testId: string) =>
    (fixture.nativeElement as HTMLElement).querySelector(`[data-testid="${testId}"]`)?.textContent?.trim();

  it('should show who the API says the user is', async () => {
    http.expectOne('https://api.example.com/api/me').flush(admin);
    await fixture.whenStable();
    expect(text('profile-name')).toBe('Ada Admin');
    expect(text('profile-email')).toBe('admin@steward.local');
    expect(text('profile-sub')).toBe('auth0|abc');
    const permissions = [
      ...(fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="profile-permissions"] li'),
    ];
    expect(permissions.map((li) => li.textContent?.trim())).toEqual(['read:records', 'read:users']);
  });

  it('should offer a retry when the API cannot be reached', async () => {
    http.expectOne('https://api.example.com/api/me').flush('down', { status: 503, statusText: 'Service Unavailable' });
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('could not load your profile');
    root.querySelector('button')?.click();
    fixture.detectChanges();
    http.expectOne('https://api.example.com/api/me').flush(admin);
    await fixture.whenStable();
    expect(text('profile-email')).toBe('admin@steward.local');
  });
});
