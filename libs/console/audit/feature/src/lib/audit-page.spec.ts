import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { NavigationEnd, Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CONSOLE_CONFIG } from '@steward/console-auth-data-access';
import type { AuditEventView, CursorPage } from '@steward/shared-domain';
import { filter, firstValueFrom } from 'rxjs';
import { AuditPage } from './audit-page';

const API = 'https://api.example.com/api/audit';

function event(overrides: Partial<AuditEventView> = {}): AuditEventView {
  return {
    id: '1',
    at: '2025-03-01T10:00:00.000Z',
    actorSub: 'auth0|abc',
    action: 'record.deleted',
    targetType: 'record',
    targetId: 'r1',
    requestId: 'req-1',
    correlationId: null,
    outcome: 'succeeded',
    ...overrides,
  };
}

const pageOf = (nextCursor: string | null, ...items: AuditEventView[]): CursorPage<AuditEventView> => ({
  items,
  nextCursor,
});

describe('AuditPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'audit', component: AuditPage }], withComponentInputBinding()),
        {
          provide: CONSOLE_CONFIG,
          useValue: { apiUrl: 'https://api.example.com', auth0Domain: 'x', auth0ClientId: 'y', auth0Audience: 'z' },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  const root = () => harness.routeNativeElement as HTMLElement;
  const all = (testId: string) => [...root().querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
  const one = (testId: string) => all(testId)[0];
  const texts = (testId: string) => all(testId).map((element) => element.textContent?.trim());
  const pending = (): TestRequest => http.expectOne((req) => req.url === API);
  const paramsOf = (request: TestRequest) =>
    Object.fromEntries(request.request.params.keys().map((key) => [key, request.request.params.get(key)]));

  async function open(url: string): Promise<void> {
    await harness.navigateByUrl(url, AuditPage);
    harness.detectChanges();
  }

  async function respond(request: TestRequest, page: CursorPage<AuditEventView>): Promise<void> {
    request.flush(page);
    await harness.fixture.whenStable();
  }

  /** Runs `act` and waits until the navigation it starts has ended and the page has re-rendered. */
  async function navigating(act: () => void): Promise<void> {
    const ended = firstValueFrom(router.events.pipe(filter((e) => e instanceof NavigationEnd)));
    act();
    await ended;
    harness.detectChanges();
  }

  const queryParams = () => router.parseUrl(router.url).queryParams;

  it('should request what the URL describes and show the events', async () => {
    await open('/audit?action=record.deleted&actor=auth0%7Cabc&limit=25&after=c1,c2');
    const request = pending();
    expect(paramsOf(request)).toEqual({ limit: '25', cursor: 'c2', action: 'record.deleted', actor: 'auth0|abc' });
    await respond(
      request,
      pageOf(null, event(), event({ id: '2', action: 'user.blocked', targetType: 'user', targetId: 'auth0|u2' })),
    );

    expect(all('audit-row')).toHaveLength(2);
    expect(texts('audit-action')).toEqual(['Record deleted', 'User blocked']);
    const links = all('audit-target').map((target) => target.getAttribute('href'));
    expect(links).toEqual(['/records/r1', '/users/auth0%7Cu2']);
    expect(one('audit-newer').hasAttribute('disabled')).toBe(false);
    expect(one('audit-older').hasAttribute('disabled')).toBe(true);
  });

  it("should mark changes that failed or were never confirmed, and show the caller's request id", async () => {
    await open('/audit');
    await respond(
      pending(),
      pageOf(
        null,
        event({ outcome: 'failed', correlationId: 'console-42' }),
        event({ id: '2', outcome: 'pending' }),
        event({ id: '3' }),
      ),
    );
    expect(texts('audit-outcome')).toEqual(['failed', 'not confirmed']);
    expect(all('audit-row')[0].textContent).toContain('console-42');
  });

  it('should ignore query parameters the API would refuse', async () => {
    await open('/audit?action=DROP%20TABLE&limit=7&actor=%20%20');
    const request = pending();
    expect(paramsOf(request)).toEqual({ limit: '50' });
    await respond(request, pageOf(null));
    expect(one('audit-empty').textContent).toContain('Nothing has been changed through Steward yet');
  });

  it('should put a filter change in the URL and start again from the newest page', async () => {
    await open('/audit?limit=25&after=c1');
    await respond(pending(), pageOf(null, event()));

    const actor = one('audit-actor-filter') as HTMLInputElement;
    actor.value = ' auth0|xyz ';
    await navigating(() => actor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' })));
    expect(queryParams()).toEqual({ limit: '25', actor: 'auth0|xyz' });
    const request = pending();
    expect(paramsOf(request)).toEqual({ limit: '25', actor: 'auth0|xyz' });
    await respond(request, pageOf(null));
    expect(one('audit-empty').textContent).toContain('No changes match these filters');
  });

  it('should filter by an action picked from the list', async () => {
    await open('/audit');
    await respond(pending(), pageOf(null, event()));

    one('audit-action-filter').click();
    harness.detectChanges();
    const option = [...document.querySelectorAll<HTMLElement>('mat-option')].find(
      (candidate) => candidate.textContent?.trim() === 'User roles changed',
    );
    await navigating(() => option?.click());
    expect(queryParams()).toEqual({ action: 'user.roles_changed' });
    expect(paramsOf(pending())).toEqual({ limit: '50', action: 'user.roles_changed' });
  });

  it('should narrow the list to one actor from a row', async () => {
    await open('/audit');
    await respond(pending(), pageOf(null, event({ actorSub: 'auth0|abc' })));

    const button = one('audit-only-actor');
    expect(button.getAttribute('aria-label')).toBe('Only this actor: auth0|abc');
    await navigating(() => button.click());
    expect(queryParams()).toEqual({ actor: 'auth0|abc' });
    await respond(pending(), pageOf(null, event({ actorSub: 'auth0|abc' })));
    expect(all('audit-only-actor')).toHaveLength(0);
  });

  it('should page older and newer, keeping the trail of cursors in the URL', async () => {
    await open('/audit');
    await respond(pending(), pageOf('c1', event()));
    expect(one('audit-newer').hasAttribute('disabled')).toBe(true);

    await navigating(() => one('audit-older').click());
    expect(queryParams()).toEqual({ after: 'c1' });
    const second = pending();
    expect(paramsOf(second)).toEqual({ limit: '50', cursor: 'c1' });
    await respond(second, pageOf('c2', event({ id: '2' })));

    await navigating(() => one('audit-older').click());
    expect(queryParams()).toEqual({ after: 'c1,c2' });
    await respond(pending(), pageOf(null, event({ id: '3' })));
    expect(one('audit-older').hasAttribute('disabled')).toBe(true);

    await navigating(() => one('audit-newer').click());
    expect(queryParams()).toEqual({ after: 'c1' });
    expect(paramsOf(pending())).toEqual({ limit: '50', cursor: 'c1' });
  });

  it('should show a failed load inline and try again', async () => {
    await open('/audit');
    pending().flush(
      {
        type: 'about:blank',
        title: 'Invalid request',
        status: 400,
        detail: 'cursor is not a cursor this list gave out.',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await harness.fixture.whenStable();
    expect(one('audit-error').getAttribute('role')).toBe('alert');
    expect(one('audit-error').textContent).toContain('cursor is not a cursor this list gave out.');

    const retry = [...one('audit-error').querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Try again');
    retry?.click();
    harness.detectChanges();
    await respond(pending(), pageOf(null, event()));
    expect(all('audit-error')).toHaveLength(0);
    expect(all('audit-row')).toHaveLength(1);
  });
});
