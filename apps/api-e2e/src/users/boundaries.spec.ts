import { PERMISSIONS } from '@steward/shared-domain';
import { passwordGrant, type RunningApi } from '@steward/testing-util';
import { orgToken } from '../support/records';
import { stack } from '../support/stack';
import { startUsersApi, userPath, UsersApi } from './users-api';

const { tenantUrl } = stack();

/** SPEC §6: organization tokens get no user administration; every user has a Management API budget. */
describe('Users: organizations and budget', () => {
  let api: RunningApi;
  let users: UsersApi;

  beforeAll(async () => {
    api = await startUsersApi(tenantUrl, { env: { MANAGEMENT_BUDGET_PER_USER: '8' } });
    users = new UsersApi(api.url, tenantUrl, (await passwordGrant(tenantUrl, 'admin@steward.local')).access_token);
  });

  afterAll(async () => {
    await api?.stop();
  });

  describe('a token carrying org_id', () => {
    it('should get 403 with a clear detail on every user route, and change nothing', async () => {
      const member = orgToken('org_acme', [...PERMISSIONS], 'auth0|org-admin');
      const target = await users.idOf('viewer@steward.local');
      const roleId = await users.roleId('admin');
      const routes: [string, string, unknown?][] = [
        ['GET', '/users'],
        ['GET', userPath(target)],
        ['GET', '/roles'],
        ['POST', '/users', { email: 'org-made@steward.local', name: 'Org Made' }],
        ['PATCH', userPath(target), { blocked: true }],
        ['PUT', `${userPath(target)}/roles`, { roles: [roleId] }],
        ['POST', `${userPath(target)}/password-reset`],
        ['DELETE', userPath(target)],
      ];
      for (const [method, path, body] of routes) {
        const response = await users.call(member, path, { method, body });
        expect([method, path, response.status]).toEqual([method, path, 403]);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect((await response.json()).detail).toMatch(/tenant-wide.*organization/);
      }
      expect(await users.detail(target)).toMatchObject({ blocked: false, roles: [{ name: 'viewer' }] });
    });
  });

  describe('the per-user budget', () => {
    it('should answer 429 with Retry-After once a user spends it, and not touch other users', async () => {
      const spender = orgToken(undefined, ['read:users'], 'auth0|budget-spender');
      const statuses: number[] = [];
      for (let i = 0; i < 9; i += 1) statuses.push((await users.call(spender, '/roles')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
      const refused = await users.call(spender, '/users');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await refused.json()).detail).toMatch(/budget/);
      expect((await users.call(orgToken(undefined, ['read:users'], 'auth0|someone-else'), '/roles')).status).toBe(200);
    });
  });
});
