import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CONSOLE_CONFIG } from '@steward/console-auth-data-access';
import type { RoleView, UserDetail } from '@steward/shared-domain';
import { firstValueFrom } from 'rxjs';
import { UsersApi } from './users-api';

const API = 'https://api.example.com/api';
const ID = 'auth0|abc123';
const ENCODED = `${API}/users/auth0%7Cabc123`;
const admin: RoleView = {
  id: 'rol_admin',
  name: 'admin',
  description: 'Everything',
  permissions: ['read:users', 'update:users', 'delete:users'],
};
const user: UserDetail = {
  id: ID,
  email: 'ada@example.com',
  name: 'Ada',
  blocked: false,
  lastLogin: null,
  loginsCount: 0,
  createdAt: '2025-01-01T00:00:00.000Z',
  emailVerified: true,
  roles: [admin],
  canManage: true,
};

describe('UsersApi', () => {
  let api: UsersApi;
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
    api = TestBed.inject(UsersApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('should search with the trimmed text and the page', async () => {
    const answer = firstValueFrom(api.search({ q: ' ada ', page: 2, perPage: 10 }));
    const request = http.expectOne((r) => r.url === `${API}/users`);
    expect(request.request.method).toBe('GET');
    expect(request.request.params.toString()).toBe('q=ada&page=2&perPage=10');
    request.flush({ items: [user], total: 21, page: 2, perPage: 10 });
    expect((await answer).total).toBe(21);
  });

  it('should leave out an empty search text', async () => {
    const answer = firstValueFrom(api.search({ q: '  ' }));
    const request = http.expectOne((r) => r.url === `${API}/users`);
    expect(request.request.params.keys()).toEqual([]);
    request.flush({ items: [], total: 0, page: 0, perPage: 25 });
    await answer;
  });

  it('should read, update and delete a user under its encoded id', async () => {
    const read = firstValueFrom(api.get(ID));
    http.expectOne({ method: 'GET', url: ENCODED }).flush(user);
    expect(await read).toEqual(user);

    const updated = firstValueFrom(api.update(ID, { blocked: true }));
    const patch = http.expectOne({ method: 'PATCH', url: ENCODED });
    expect(patch.request.body).toEqual({ blocked: true });
    patch.flush({ ...user, blocked: true });
    expect((await updated).blocked).toBe(true);

    const removed = firstValueFrom(api.remove(ID), { defaultValue: undefined });
    http.expectOne({ method: 'DELETE', url: ENCODED }).flush(null, { status: 204, statusText: 'No Content' });
    await removed;
  });

  it('should invite a user with their email and name', async () => {
    const created = firstValueFrom(api.create({ email: 'bo@example.com', name: 'Bo' }));
    const request = http.expectOne({ method: 'POST', url: `${API}/users` });
    expect(request.request.body).toEqual({ email: 'bo@example.com', name: 'Bo' });
    request.flush({ user, invitationUrl: 'https://tenant/ticket' }, { status: 201, statusText: 'Created' });
    expect((await created).invitationUrl).toBe('https://tenant/ticket');
  });

  it('should list the roles and replace a user’s complete role set', async () => {
    const roles = firstValueFrom(api.roles());
    http.expectOne({ method: 'GET', url: `${API}/roles` }).flush({ items: [admin] });
    expect(await roles).toEqual([admin]);

    const saved = firstValueFrom(api.setRoles(ID, ['rol_admin', 'rol_staff']));
    const request = http.expectOne({ method: 'PUT', url: `${ENCODED}/roles` });
    expect(request.request.body).toEqual({ roles: ['rol_admin', 'rol_staff'] });
    request.flush(user);
    await saved;
  });

  it('should ask for a password reset link', async () => {
    const reset = firstValueFrom(api.passwordReset(ID));
    http.expectOne({ method: 'POST', url: `${ENCODED}/password-reset` }).flush({ ticketUrl: 'https://tenant/reset' });
    expect(await reset).toEqual({ ticketUrl: 'https://tenant/reset' });
  });
});
