import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CONSOLE_CONFIG } from '@steward/console-auth-data-access';
import type { AuditEventView, CursorPage } from '@steward/shared-domain';
import { firstValueFrom } from 'rxjs';
import { AuditApi } from './audit-api';

const page: CursorPage<AuditEventView> = {
  items: [
    {
      id: '7',
      at: '2025-03-01T10:00:00.000Z',
      actorSub: 'auth0|abc',
      action: 'record.deleted',
      targetType: 'record',
      targetId: 'r1',
      requestId: 'req-1',
      correlationId: null,
      outcome: 'succeeded',
    },
  ],
  nextCursor: 'c2',
};

describe('AuditApi', () => {
  let api: AuditApi;
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
      ],
    });
    api = TestBed.inject(AuditApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('should send every filter and the cursor as query parameters', async () => {
    const result = firstValueFrom(
      api.list({ limit: 25, cursor: 'c1', action: 'user.roles_changed', actor: 'auth0|abc' }),
    );
    const request = http.expectOne((req) => req.url === 'https://api.example.com/api/audit');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.keys()).toEqual(['limit', 'cursor', 'action', 'actor']);
    expect(request.request.urlWithParams).toBe(
      'https://api.example.com/api/audit?limit=25&cursor=c1&action=user.roles_changed&actor=auth0%7Cabc',
    );
    request.flush(page);
    await expect(result).resolves.toEqual(page);
  });

  it('should leave out empty filters', async () => {
    const result = firstValueFrom(api.list({ limit: 50, cursor: null, action: '', actor: null }));
    const request = http.expectOne('https://api.example.com/api/audit?limit=50');
    expect(request.request.params.keys()).toEqual(['limit']);
    request.flush({ items: [], nextCursor: null });
    await expect(result).resolves.toEqual({ items: [], nextCursor: null });
  });
});
