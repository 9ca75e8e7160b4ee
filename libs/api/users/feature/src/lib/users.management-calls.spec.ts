import { Auth0UserDirectory } from './auth0-user-directory';
import { ALL_PERMISSIONS } from './testing/fake-user-directory';
import { AUDIENCE, directoryConfig, FakeManagementClient } from './testing/fake-management-client';
import { actor, actorWithRole, UsersTestBed } from './testing/users-test-bed';

/**
 * SPEC §9: ≤ 1 Management API call per Users list view, ≤ 2 per user detail view, cold and warm —
 * counted here per SDK call on the real directory; the bench counts them at the dev tenant.
 * A view is what the console asks for: the list is `GET /api/users`; the detail is
 * `GET /api/users/:id` and `GET /api/roles`.
 */
describe('UsersService on Auth0: Management API calls', () => {
  let tenant: FakeManagementClient;
  let directory: Auth0UserDirectory;
  let bed: UsersTestBed<Auth0UserDirectory>;
  const admin = actor('auth0|ada', ALL_PERMISSIONS);
  const support = actorWithRole('auth0|sky', 'support');
  const detailView = (id: string, as = admin) => Promise.all([bed.service.get(as, id), bed.service.roles()]);
  const listView = () => bed.service.search({ page: 0, perPage: 25 });

  beforeEach(async () => {
    tenant = new FakeManagementClient();
    tenant.add('auth0|ada', ['rol_admin']);
    tenant.add('auth0|sky', ['rol_support']);
    tenant.add('auth0|vic', ['rol_viewer']);
    directory = new Auth0UserDirectory(tenant.client(), directoryConfig());
    bed = await new UsersTestBed(directory).start();
    await directory.onApplicationBootstrap(); // as Nest does before the API listens
  });

  afterEach(async () => {
    directory.onModuleDestroy();
    await bed.stop();
  });

  it('should load the role catalogue before the first view', () => {
    expect(tenant.take()).toEqual(['roles.list', ...Array(5).fill('roles.permissions.list')]);
  });

  describe('a user detail view', () => {
    beforeEach(() => tenant.take());

    it('should cost the user and their roles cold, and nothing warm', async () => {
      await detailView('auth0|vic');
      expect(tenant.take()).toEqual(['users.get', 'users.roles.list']);
      await detailView('auth0|vic');
      expect(tenant.take()).toEqual([]);
    });

    it('should still show the roles with their permissions and whether the caller may manage the user', async () => {
      const [detail, roles] = await detailView('auth0|vic', support);
      expect(detail).toMatchObject({ canManage: true, roles: [{ name: 'viewer', permissions: ['read:records'] }] });
      expect(roles.map((role) => role.name)).toEqual(['admin', 'support', 'staff', 'viewer']);
      expect((await bed.service.get(support, 'auth0|ada')).canManage).toBe(false);
    });

    it('should load the catalogue once, shared by concurrent views, when start-up could not load it', async () => {
      tenant.failing.add('roles.list');
      const late = new Auth0UserDirectory(tenant.client(), directoryConfig());
      await late.onApplicationBootstrap();
      tenant.failing.clear();
      tenant.take();
      const lateBed = await new UsersTestBed(late).start();
      try {
        await Promise.all([lateBed.service.get(admin, 'auth0|vic'), lateBed.service.roles(), lateBed.service.roles()]);
        expect(tenant.take()).toEqual(
          ['roles.list', ...Array(5).fill('roles.permissions.list'), 'users.get', 'users.roles.list'].sort(),
        );
      } finally {
        late.onModuleDestroy();
        await lateBed.stop();
      }
    });
  });

  describe('a Users list view', () => {
    beforeEach(() => tenant.take());

    it('should cost one call, cold and warm, and fetch no roles', async () => {
      const page = await listView();
      expect(page.total).toBe(3);
      expect(tenant.take()).toEqual(['users.list']);
      await listView();
      expect(tenant.take()).toEqual(['users.list']);
    });
  });

  describe('changing roles', () => {
    beforeEach(() => tenant.take());

    it('should show the new roles on the next view', async () => {
      await detailView('auth0|vic');
      await bed.service.setRoles(admin, 'auth0|vic', ['rol_staff']);
      const [detail] = await detailView('auth0|vic');
      expect(detail.roles.map((role) => role.name)).toEqual(['staff']);
    });

    it('should decide on the roles as the tenant defines them now, not on the catalogue', async () => {
      tenant.role('staff').permissions.push({ permission_name: 'delete:users', resource_server_identifier: AUDIENCE });
      await expect(bed.service.setRoles(support, 'auth0|vic', ['rol_staff'])).rejects.toMatchObject({
        status: 403,
        message: expect.stringMatching(/cannot grant the staff role: .*\(delete:users\)/),
      });
      expect(tenant.calls).not.toContain('users.roles.assign');
    });

    it("should refuse a role that has gained another API's permission in the tenant", async () => {
      tenant.role('viewer').permissions.push({ permission_name: 'read:invoices', resource_server_identifier: 'x' });
      await expect(bed.service.update(admin, 'auth0|vic', { blocked: true })).rejects.toMatchObject({
        status: 403,
        message: expect.stringMatching(/viewer role, which Steward does not manage/),
      });
      expect(tenant.calls).not.toContain('users.update');
    });
  });
});
