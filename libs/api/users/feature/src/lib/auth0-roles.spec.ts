import { ApiMetrics } from '@steward/api-metrics-util';
import { RedisConnection } from '@steward/api-redis-data-access';
import { randomUUID } from 'node:crypto';
import { Auth0Roles } from './auth0-roles';
import { RedisReadCache } from './redis-read-cache';
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

  describe('shared through Redis', () => {
    const connections: RedisConnection[] = [];
    const started: Auth0Roles[] = [];
    let namespace: string;

    /** One instance's catalogue, on its own Redis connection, against the one tenant. */
    const instance = async () => {
      const redis = new RedisConnection(
        process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
        new ApiMetrics({ processMetrics: false }),
      );
      connections.push(redis);
      await redis.connect();
      const shared = new RedisReadCache<Awaited<ReturnType<Auth0Roles['catalogue']>>>(redis, namespace, 60_000);
      const made = new Auth0Roles(tenant.client(), AUDIENCE, undefined, undefined, shared);
      started.push(made);
      return made;
    };

    beforeEach(() => (namespace = `steward:test-roles:${randomUUID()}`));
    afterEach(async () => {
      started.splice(0).forEach((made) => made.stop());
      await Promise.all(connections.splice(0).map((redis) => redis.close()));
    });

    it('should load the catalogue upstream once for every instance', async () => {
      await (await instance()).start();
      expect(tenant.take()).toEqual(['roles.list', ...Array(5).fill('roles.permissions.list')]);
      await new Promise((resolve) => setTimeout(resolve, 50)); // the shared copy is written
      const second = await instance();
      await second.start();
      expect(tenant.take()).toEqual([]);
      expect((await second.catalogue()).map((role) => role.name)).toContain('admin');
    });

    it('should replace the shared catalogue upstream when an instance finds a role changed', async () => {
      const first = await instance();
      await first.start();
      await new Promise((resolve) => setTimeout(resolve, 50));
      tenant.role('staff').permissions.push({ permission_name: 'delete:users', resource_server_identifier: AUDIENCE });
      await first.describe([ref('staff')]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      tenant.take();
      const second = await instance();
      await second.start();
      expect(tenant.take()).toEqual([]);
      expect((await second.catalogue()).find((role) => role.name === 'staff')?.permissions).toContain('delete:users');
    });
  });
});
