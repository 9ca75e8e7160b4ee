import { PERMISSIONS, type RoleView, type UserDetail, type UserPage } from '@steward/shared-domain';
import { passwordGrant, type RunningApi } from '@steward/testing-util';
import { randomBytes } from 'node:crypto';
import { bearer, expectRefusal, within } from '../support/http';
import { orgToken, userTokens } from '../support/records';
import { stack } from '../support/stack';
import { startUsersApi } from './users-api';

const { tenantUrl } = stack();
const PASSWORD = 'a-new-password-1';

/** Users through the Management API of the dev tenant, with the real `auth0` SDK inside the API. */
describe('Users', () => {
  let api: RunningApi;
  let tokens: Awaited<ReturnType<typeof userTokens>>;
  const call = (token: string, path: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${api.url}/api${path}`, {
      method: init.method ?? 'GET',
      headers: { ...bearer(token), ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  const faults = (body: unknown) =>
    fetch(`${tenantUrl}/__dev/management-faults`, {
      method: body ? 'POST' : 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
  const idOf = async (email: string) =>
    ((await (await call(tokens.admin, `/users?q=${encodeURIComponent(email)}`)).json()) as UserPage).items[0].id;
  const path = (id: string) => `/users/${encodeURIComponent(id)}`;

  /** Creates a user through the API and sets their password through the invitation link. */
  async function invite(roleIds: string[] = []): Promise<{ id: string; email: string }> {
    const email = `user-${randomBytes(4).toString('hex')}@steward.local`;
    const response = await call(tokens.admin, '/users', { method: 'POST', body: { email, name: 'New Person' } });
    expect(response.status).toBe(201);
    const { user, invitationUrl } = (await response.json()) as { user: UserDetail; invitationUrl: string };
    const form = await fetch(invitationUrl);
    expect(form.status).toBe(200);
    const set = await fetch(invitationUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        password: PASSWORD,
        ticket: new URL(invitationUrl).searchParams.get('ticket') ?? '',
      }),
    });
    expect(set.status).toBeLessThan(400);
    if (roleIds.length > 0)
      expect(
        (await call(tokens.admin, `${path(user.id)}/roles`, { method: 'PUT', body: { roles: roleIds } })).status,
      ).toBe(200);
    return { id: user.id, email };
  }

  let roles: RoleView[];
  const roleId = (name: string) => roles.find((role) => role.name === name)?.id ?? '';

  beforeAll(async () => {
    api = await startUsersApi(tenantUrl);
    tokens = await userTokens();
    roles = ((await (await call(tokens.admin, '/roles')).json()) as { items: RoleView[] }).items;
  });

  afterEach(async () => {
    await faults(null);
  });

  afterAll(async () => {
    await api?.stop();
  });

  describe('reading', () => {
    it("should list Steward's own roles, each with its permissions", () => {
      expect(roles.map((role) => role.name).sort()).toEqual(['admin', 'staff', 'support', 'viewer']);
      expect(roles.find((role) => role.name === 'support')?.permissions.sort()).toEqual([
        'create:records',
        'read:records',
        'read:users',
        'update:records',
        'update:users',
      ]);
      expect(roles.find((role) => role.name === 'admin')?.permissions.sort()).toEqual([...PERMISSIONS].sort());
    });

    it('should search by email or name and page with totals', async () => {
      const page = (await (await call(tokens.admin, '/users?q=staff@steward')).json()) as UserPage;
      expect(page).toMatchObject({
        total: 1,
        page: 0,
        perPage: 25,
        items: [{ email: 'staff@steward.local', name: 'Sam Staff', blocked: false }],
      });
      const first = (await (await call(tokens.admin, '/users?perPage=2')).json()) as UserPage;
      const second = (await (await call(tokens.admin, '/users?perPage=2&page=1')).json()) as UserPage;
      expect(first.items).toHaveLength(2);
      expect(first.total).toBeGreaterThanOrEqual(4);
      expect(second.items.map((u) => u.id)).not.toContain(first.items[0].id);
    });

    it('should show a user with their roles', async () => {
      const detail = (await (await call(tokens.admin, path(await idOf('viewer@steward.local')))).json()) as UserDetail;
      expect(detail).toMatchObject({ email: 'viewer@steward.local', roles: [{ name: 'viewer' }] });
    });

    it('should answer an unknown user with 404, and refuse bad paging with 400', async () => {
      expect((await call(tokens.admin, path('auth0|000000000000000000000000'))).status).toBe(404);
      expect((await call(tokens.admin, '/users/not-a-user-id')).status).toBe(404);
      expect((await call(tokens.admin, '/users?perPage=101')).status).toBe(400);
      expect((await call(tokens.admin, '/users?page=10&perPage=100')).status).toBe(400);
    });

    it('should keep users away from staff and viewers', async () => {
      await expectRefusal(await call(tokens.staff, '/users'), {
        status: 403,
        error: 'insufficient_scope',
        scope: 'read:users',
      });
      await expectRefusal(await call(tokens.viewer, '/roles'), {
        status: 403,
        error: 'insufficient_scope',
        scope: 'read:users',
      });
    });
  });

  describe('creating', () => {
    it('should create a user who signs in after setting a password from the invitation', async () => {
      const { email } = await invite();
      await expect(passwordGrant(tenantUrl, email, { password: PASSWORD })).resolves.toHaveProperty('access_token');
    });

    it('should answer an existing email with 409 and a bad one with 400', async () => {
      expect(
        (await call(tokens.admin, '/users', { method: 'POST', body: { email: 'staff@steward.local', name: 'Again' } }))
          .status,
      ).toBe(409);
      const bad = await call(tokens.admin, '/users', { method: 'POST', body: { email: 'not-an-email', name: 'X' } });
      expect(bad.status).toBe(400);
      expect((await bad.json()).errors).toHaveProperty('email');
    });
  });

  describe('editing', () => {
    it('should change the name and nothing that is not allowed', async () => {
      const { id } = await invite();
      const renamed = await call(tokens.admin, path(id), { method: 'PATCH', body: { name: 'Renamed' } });
      expect(renamed.status).toBe(200);
      expect(await renamed.json()).toMatchObject({ name: 'Renamed' });
      for (const field of ['email', 'email_verified', 'app_metadata', 'password', 'roles']) {
        const response = await call(tokens.admin, path(id), {
          method: 'PATCH',
          body: { [field]: field === 'app_metadata' ? { admin: true } : 'x' },
        });
        expect([field, response.status]).toEqual([field, 400]);
        expect((await response.json()).errors).toHaveProperty(field);
      }
    });

    it('should lock a blocked user out at once, and let them back in when unblocked', async () => {
      const { id, email } = await invite([roleId('staff')]);
      const { access_token } = await passwordGrant(tenantUrl, email, { password: PASSWORD });
      expect((await call(access_token, '/me')).status).toBe(200);
      expect((await call(tokens.admin, path(id), { method: 'PATCH', body: { blocked: true } })).status).toBe(200);
      await expectRefusal(await call(access_token, '/me'), { status: 401, error: 'invalid_token' }, [access_token]);
      await expect(passwordGrant(tenantUrl, email, { password: PASSWORD })).rejects.toThrow('user is blocked');

      expect((await call(tokens.admin, path(id), { method: 'PATCH', body: { blocked: false } })).status).toBe(200);
      const fresh = await passwordGrant(tenantUrl, email, { password: PASSWORD });
      await within(5_000, async () => (await call(fresh.access_token, '/me')).status === 200);
    });

    it('should change roles, and the next token carries the new permissions', async () => {
      const { id, email } = await invite([roleId('viewer')]);
      const response = await call(tokens.admin, `${path(id)}/roles`, {
        method: 'PUT',
        body: { roles: [roleId('staff')] },
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as UserDetail).roles.map((role) => role.name)).toEqual(['staff']);
      const { access_token } = await passwordGrant(tenantUrl, email, { password: PASSWORD });
      expect((await (await call(access_token, '/me')).json()).permissions).toContain('create:records');
    });

    it('should hand out a password reset link', async () => {
      const { id } = await invite();
      const response = await call(tokens.admin, `${path(id)}/password-reset`, { method: 'POST' });
      expect(response.status).toBe(200);
      expect((await response.json()).ticketUrl).toMatch(/^http:\/\/localhost:\d+\/lo\/reset\?ticket=/);
    });
  });

  describe('rules', () => {
    it('should not let an admin block or delete themselves', async () => {
      const self = path(await idOf('admin@steward.local'));
      expect((await call(tokens.admin, self, { method: 'PATCH', body: { blocked: true } })).status).toBe(409);
      expect((await call(tokens.admin, self, { method: 'DELETE' })).status).toBe(409);
    });

    it('should never remove the last admin', async () => {
      const adminId = await idOf('admin@steward.local');
      const manager = orgToken(undefined, [...PERMISSIONS], 'auth0|user-manager');
      expect((await call(manager, path(adminId), { method: 'DELETE' })).status).toBe(409);
      expect((await call(manager, path(adminId), { method: 'PATCH', body: { blocked: true } })).status).toBe(409);
      expect(
        (await call(manager, `${path(adminId)}/roles`, { method: 'PUT', body: { roles: [roleId('staff')] } })).status,
      ).toBe(409);
      expect(((await (await call(tokens.admin, path(adminId))).json()) as UserDetail).roles.map((r) => r.name)).toEqual(
        ['admin'],
      );
    });

    it('should not count a blocked admin as an admin', async () => {
      const adminId = await idOf('admin@steward.local');
      const { id: other } = await invite([roleId('admin')]);
      expect((await call(tokens.admin, path(other), { method: 'PATCH', body: { blocked: true } })).status).toBe(200);
      const manager = orgToken(undefined, [...PERMISSIONS], 'auth0|user-manager');
      const refused = await call(manager, path(adminId), { method: 'PATCH', body: { blocked: true } });
      expect(refused.status).toBe(409);
      expect((await refused.json()).detail).toBe('You cannot block the last admin.');
      expect((await call(tokens.admin, path(other), { method: 'DELETE' })).status).toBe(204);
    });

    it('should not let a manager below admin act on an admin', async () => {
      const adminId = await idOf('admin@steward.local');
      const manager = orgToken(undefined, ['read:users', 'update:users', 'delete:users'], 'auth0|user-manager');
      for (const [method, suffix, body] of [
        ['DELETE', '', undefined],
        ['PATCH', '', { blocked: true }],
        ['POST', '/password-reset', undefined],
      ] as const) {
        const response = await call(manager, `${path(adminId)}${suffix}`, { method, body });
        expect([method, suffix, response.status]).toEqual([method, suffix, 403]);
        expect((await response.json()).detail).toMatch(/permissions you do not hold/);
      }
    });

    it('should not let anyone grant a role carrying permissions they lack', async () => {
      const { id } = await invite();
      const manager = orgToken(undefined, ['read:users', 'update:users', 'read:records'], 'auth0|junior-manager');
      expect(
        (await call(manager, `${path(id)}/roles`, { method: 'PUT', body: { roles: [roleId('admin')] } })).status,
      ).toBe(403);
      expect(
        (await call(manager, `${path(id)}/roles`, { method: 'PUT', body: { roles: [roleId('viewer')] } })).status,
      ).toBe(200);
    });

    it('should delete a user, whose token stops working at once', async () => {
      const { id, email } = await invite();
      const { access_token } = await passwordGrant(tenantUrl, email, { password: PASSWORD });
      expect((await call(tokens.admin, path(id), { method: 'DELETE' })).status).toBe(204);
      expect((await call(tokens.admin, path(id))).status).toBe(404);
      expect((await call(access_token, '/me')).status).toBe(401);
    });

    it('should audit every change with its actor', async () => {
      const { id } = await invite();
      await call(tokens.admin, path(id), { method: 'PATCH', body: { blocked: true } });
      const audit = await (await call(tokens.admin, '/audit?limit=100')).json();
      const actions = audit.items
        .filter((event: { targetId: string }) => event.targetId === id)
        .map((event: { action: string }) => event.action);
      expect(actions).toEqual(['user.blocked', 'user.created']);
    });
  });

  describe('when the Management API struggles', () => {
    it('should answer 503 with Retry-After after the SDK retries run out on 429s, then recover', async () => {
      await faults({ status: 429, count: 10 });
      const response = await call(tokens.admin, '/users?q=nobody-cached');
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await response.json()).toMatchObject({ status: 503, title: 'Service Unavailable' });
      await faults(null);
      expect((await call(tokens.admin, '/users?q=nobody-cached')).status).toBe(200);
    }, 30_000);

    it('should ride out a single 429 with the SDK retry', async () => {
      await faults({ status: 429, count: 1 });
      expect((await call(tokens.admin, '/users?q=retry')).status).toBe(200);
    }, 30_000);

    it('should map an outage to 503', async () => {
      await faults({ status: 503, count: 10 });
      const response = await call(tokens.admin, '/users?q=outage');
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBeTruthy();
    }, 30_000);

    it('should never put the management secret in logs or answers', () => {
      expect(api.process.output()).not.toContain('dev-tenant-fixture-management-secret');
    });
  });
});
