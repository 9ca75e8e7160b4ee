import { Auth0Roles } from './auth0-roles';
import { AUDIENCE, FakeManagementClient } from './testing/fake-management-client';

describe('Auth0Roles', () => {
  let tenant: FakeManagementClient;
  let roles: Auth0Roles;
  const ref = (name: string) => ({ id: `rol_${name}`, name, description: '' });

  beforeEach(() => {
    tenant = new FakeManagementClient();
    roles = new Auth0Roles(tenant.client(), AUDIENCE);
  });

  afterEach(() => roles.stop());

  describe('catalogue', () => {
    it('should be loaded at start-up (the role list, then each role’s permissions), then cost nothing', async () => {
      await roles.start();
      expect(tenant.take()).toEqual(['roles.list', ...Array(5).fill('roles.permissions.list')]);
      const catalogue = await roles.catalogue();
      expect(tenant.take()).toEqual([]);
      expect(catalogue.find((role) => role.name === 'viewer')).toEqual({
        id: 'rol_viewer',
        name: 'viewer',
        description: 'viewer role',
        permissions: ['read:records'],
        foreign: false,
      });
      expect(catalogue.find((role) => role.name === 'billing')).toMatchObject({ permissions: [], foreign: true });
    });

    it('should be loaded by the first reader when start-up could not load it', async () => {
      tenant.failing.add('roles.list');
      await roles.start();
      await expect(roles.catalogue()).rejects.toMatchObject({ status: 503 });
      tenant.failing.clear();
      expect((await roles.catalogue()).map((role) => role.name)).toContain('admin');
    });
  });

  describe('describe', () => {
    it('should read what each role carries now, one call per role, not the catalogue', async () => {
      await roles.start();
      tenant.take();
      tenant.role('staff').permissions.push({ permission_name: 'delete:users', resource_server_identifier: AUDIENCE });
      const [staff] = await roles.describe([ref('staff'), ref('staff')]);
      // One call for staff; finding it changed, the catalogue starts reloading (`roles.list`).
      expect(tenant.take()).toEqual(['roles.list', 'roles.permissions.list']);
      expect(staff.permissions).toContain('delete:users');
    });

    it("should mark a role carrying another API's permission, or a full page of them, as foreign", async () => {
      tenant.role('viewer').permissions.push({ permission_name: 'read:invoices', resource_server_identifier: 'x' });
      tenant.role('staff').permissions = Array.from({ length: 100 }, () => ({
        permission_name: 'read:records',
        resource_server_identifier: AUDIENCE,
      }));
      const described = await roles.describe([ref('viewer'), ref('staff'), ref('admin')]);
      expect(described.map((role) => [role.name, role.foreign])).toEqual([
        ['viewer', true],
        ['staff', true],
        ['admin', false],
      ]);
    });

    it('should treat a role deleted meanwhile as foreign, carrying nothing', async () => {
      expect(await roles.describe([ref('gone')])).toEqual([{ ...ref('gone'), permissions: [], foreign: true }]);
    });

    it('should refresh the catalogue when it finds a role changed, so views catch up', async () => {
      await roles.start();
      tenant.role('staff').permissions.push({ permission_name: 'delete:users', resource_server_identifier: AUDIENCE });
      await roles.describe([ref('staff')]);
      await new Promise((resolve) => setImmediate(resolve));
      expect((await roles.catalogue()).find((role) => role.name === 'staff')?.permissions).toContain('delete:users');
    });

    it('should leave the catalogue alone when nothing changed', async () => {
      await roles.start();
      tenant.take();
      await roles.describe([ref('staff')]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(tenant.take()).toEqual(['roles.permissions.list']);
    });
  });
});
