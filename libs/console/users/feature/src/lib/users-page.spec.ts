import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { CONSOLE_CONFIG, CurrentUser } from '@steward/console-auth-data-access';
import type { Permission, UserPage, UserSummary } from '@steward/shared-domain';
import { UsersPage } from './users-page';

const API = 'https://api.example.com/api/users';
const ada: UserSummary = {
  id: 'auth0|ada',
  email: 'ada@example.com',
  name: 'Ada',
  blocked: true,
  lastLogin: null,
  loginsCount: 3,
  createdAt: '2025-01-01T00:00:00.000Z',
};
const page = (items: UserSummary[], total: number, index = 0, perPage = 25): UserPage => ({
  items,
  total,
  page: index,
  perPage,
});

describe('UsersPage', () => {
  let fixture: ComponentFixture<UsersPage>;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  function setUp(permissions: Permission[]): void {
    const granted = new Set(permissions);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        {
          provide: CONSOLE_CONFIG,
          useValue: { apiUrl: 'https://api.example.com', auth0Domain: 'x', auth0ClientId: 'y', auth0Audience: 'z' },
        },
        {
          provide: CurrentUser,
          useValue: { permissions: signal(granted), can: (...p: Permission[]) => p.every((x) => granted.has(x)) },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(UsersPage);
  }

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const testId = (id: string) => root().querySelector(`[data-testid="${id}"]`);

  it('should ask the API for the search and page the address holds', async () => {
    setUp(['read:users']);
    fixture.componentRef.setInput('q', 'ada');
    fixture.componentRef.setInput('page', '2');
    fixture.componentRef.setInput('perPage', '10');
    fixture.detectChanges();
    const request = http.expectOne((r) => r.url === API);
    expect(request.request.params.toString()).toBe('q=ada&page=2&perPage=10');
    request.flush(page([ada], 21, 2, 10));
    await fixture.whenStable();

    const rows = root().querySelectorAll('[data-testid="user-row"]');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('Blocked');
    expect(rows[0].textContent).toContain('Never');
    expect(testId('user-name')?.getAttribute('href')).toBe('/auth0%7Cada');
    expect(testId('users-total')?.textContent).toContain('21 users');
    expect((testId('user-search') as HTMLInputElement).value).toBe('ada');
  });

  it('should put the page the paginator turns to into the address', async () => {
    setUp(['read:users']);
    fixture.detectChanges();
    http.expectOne((r) => r.url === API).flush(page([ada], 60));
    await fixture.whenStable();

    (root().querySelector('button[aria-label="Next page"]') as HTMLButtonElement).click();
    expect(navigate).toHaveBeenCalledWith([], {
      queryParams: { page: 1, perPage: null },
      queryParamsHandling: 'merge',
    });
  });

  it('should search through the address once typing pauses', async () => {
    setUp(['read:users']);
    fixture.detectChanges();
    http.expectOne((r) => r.url === API).flush(page([], 0));
    await fixture.whenStable();
    expect(testId('users-empty')?.textContent).toContain('No users match');

    jest.useFakeTimers();
    try {
      const search = testId('user-search') as HTMLInputElement;
      search.value = 'bo';
      search.dispatchEvent(new Event('input'));
      jest.advanceTimersByTime(299);
      expect(navigate).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1);
      expect(navigate).toHaveBeenCalledWith([], { queryParams: { q: 'bo', page: null }, queryParamsHandling: 'merge' });
    } finally {
      jest.useRealTimers();
    }
  });

  it('should offer Invite user only with create:users', async () => {
    setUp(['read:users']);
    fixture.detectChanges();
    http.expectOne((r) => r.url === API).flush(page([ada], 1));
    await fixture.whenStable();
    expect(testId('invite-user')).toBeNull();

    TestBed.resetTestingModule();
    setUp(['read:users', 'create:users']);
    fixture.detectChanges();
    http.expectOne((r) => r.url === API).flush(page([ada], 1));
    await fixture.whenStable();
    expect(testId('invite-user')?.textContent).toContain('Invite user');
  });

  it('should show an inline error with Try again when the list cannot load', async () => {
    setUp(['read:users']);
    fixture.detectChanges();
    http.expectOne((r) => r.url === API).flush('down', { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    expect(testId('users-error')?.textContent).toContain('We could not load the users.');

    (testId('users-error')?.querySelector('button') as HTMLButtonElement).click();
    fixture.detectChanges();
    http.expectOne((r) => r.url === API).flush(page([ada], 1));
    await fixture.whenStable();
    expect(root().querySelectorAll('[data-testid="user-row"]')).toHaveLength(1);
  });
});
