import type { UserDetail } from '@steward/shared-domain';
import { passwordGrant, type RunningApi } from '@steward/testing-util';
import { startPrivateTenant, type PrivateTenant } from './private-tenant';
import { startUsersApi, userPath, UsersApi } from './users-api';

/**
 * SPEC §9: ≤ 1 Management API call per Users list view, ≤ 2 per user detail view, cold (the first
 * view after the API started) and warm — counted by the dev tenant itself. On a tenant of its own,
 * so that no other suite's calls are counted.
 */
describe('Management API calls per console view', () => {
  let tenant: PrivateTenant;
  let api: RunningApi;
  let users: UsersApi;

  /** The Management API requests the tenant received while `view` ran. */
  async function callsOf(view: () => Promise<unknown>): Promise<string[]> {
    const counter = `${tenant.url}/__dev/management-calls`;
    await fetch(counter, { method: 'DELETE' });
    await view();
    const { recent } = (await (await fetch(counter)).json()) as { recent: string[] };
    return recent.map((call) => call.replace(/\?.*/, '')).sort();
  }
  const get = async (path: string) => {
    const response = await users.call(users.adminToken, path);
    expect([path, response.status]).toEqual([path, 200]);
    return response.json() as Promise<unknown>;
  };
  /** What the console loads for a user's page: the user, and the roles it may grant. */
  const detailView = (id: string) => Promise.all([get(userPath(id)), get('/roles')]);
  const listView = () => get('/users?page=0&perPage=25');

  beforeAll(async () => {
    tenant = await startPrivateTenant([
      { email: 'admin@steward.local', name: 'Ada Admin', roles: ['admin'] },
      { email: 'staff@steward.local', name: 'Sam Staff', roles: ['staff'] },
      { email: 'viewer@steward.local', name: 'Vic Viewer', roles: ['viewer'] },
    ]);
    api = await startUsersApi(tenant.url);
    users = new UsersApi(api.url, tenant.url, (await passwordGrant(tenant.url, 'admin@steward.local')).access_token);
  });

  afterAll(async () => {
    await api?.stop();
    await tenant?.stop();
  });

  it('should cost a detail view the user and their roles cold, and nothing warm', async () => {
    const { sub } = JSON.parse(
      Buffer.from(
        (await passwordGrant(tenant.url, 'viewer@steward.local')).access_token.split('.')[1],
        'base64url',
      ).toString(),
    ) as { sub: string };
    const id = encodeURIComponent(sub);
    expect(await callsOf(() => detailView(sub))).toEqual([`GET /api/v2/users/${id}`, `GET /api/v2/users/${id}/roles`]);
    expect(await callsOf(() => detailView(sub))).toEqual([]);
  });

  it('should cost a list view one call, cold and warm', async () => {
    expect(await callsOf(listView)).toEqual(['GET /api/v2/users']);
    expect(await callsOf(listView)).toEqual(['GET /api/v2/users']);
  });

  it('should show the new roles on the next view after they change', async () => {
    const id = await users.idOf('staff@steward.local');
    await detailView(id);
    const set = await users.call(users.adminToken, `${userPath(id)}/roles`, {
      method: 'PUT',
      body: { roles: [await users.roleId('viewer')] },
    });
    expect(set.status).toBe(200);
    const [detail] = (await detailView(id)) as [UserDetail, unknown];
    expect(detail.roles.map((role) => role.name)).toEqual(['viewer']);
  });
});
