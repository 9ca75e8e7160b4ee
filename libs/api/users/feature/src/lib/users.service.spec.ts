import { AuditEvent, AuditService } from '@steward/api-audit-feature';
import { RevokedSubject, SubjectRevocations, type AuthenticatedUser } from '@steward/api-auth-feature';
import { ProblemException } from '@steward/api-core-util';
import { PERMISSIONS, type Permission, type RoleView } from '@steward/shared-domain';
import { DataSource } from 'typeorm';
import type { DirectoryRole, DirectoryUser, UserDirectory } from './user-directory';
import { UsersService, type Actor } from './users.service';

const ROLES: DirectoryRole[] = [
  { id: 'rol_admin', name: 'admin', description: '', permissions: [...PERMISSIONS] },
  {
    id: 'rol_staff',
    name: 'staff',
    description: '',
    permissions: ['read:records', 'create:records', 'update:records'],
  },
  { id: 'rol_viewer', name: 'viewer', description: '', permissions: ['read:records'] },
];

/** An in-memory directory: the port, faked; the database below is real (embedded SQLite). */
class FakeDirectory implements UserDirectory {
  readonly users = new Map<string, DirectoryUser & { roles: string[] }>();

  add(id: string, roles: string[]): void {
    this.users.set(id, {
      id,
      email: `${id}@x.test`,
      name: id,
      blocked: false,
      emailVerified: true,
      lastLogin: null,
      loginsCount: 0,
      createdAt: '',
      roles,
    });
  }
  private user(id: string) {
    const user = this.users.get(id);
    if (!user) throw new ProblemException(404, { detail: 'There is no such user.' });
    return user;
  }
  async search() {
    return { items: [...this.users.values()], total: this.users.size };
  }
  async get(id: string) {
    return this.user(id);
  }
  async create(input: { email: string; name: string }) {
    this.add(input.email, []);
    return this.user(input.email);
  }
  async update(id: string, changes: { name?: string; blocked?: boolean }) {
    return Object.assign(this.user(id), changes);
  }
  async delete(id: string) {
    this.user(id);
    this.users.delete(id);
  }
  async roles() {
    return ROLES;
  }
  async rolesOf(id: string): Promise<RoleView[]> {
    return ROLES.filter((role) => this.user(id).roles.includes(role.id));
  }
  async assignRoles(id: string, roleIds: string[]) {
    this.user(id).roles.push(...roleIds);
  }
  async removeRoles(id: string, roleIds: string[]) {
    const user = this.user(id);
    user.roles = user.roles.filter((r) => !roleIds.includes(r));
  }
  async countRoleMembers(roleId: string, upTo: number) {
    return Math.min(upTo, [...this.users.values()].filter((u) => u.roles.includes(roleId)).length);
  }
  async passwordChangeTicket(id: string) {
    return `https://tenant.test/lo/reset?ticket=${id}`;
  }
}

function actor(sub: string, permissions: readonly Permission[]): Actor {
  const user: AuthenticatedUser = {
    sub,
    isMachine: false,
    permissions: new Set(permissions),
    roles: [],
    email: null,
    name: null,
    orgId: null,
    expiresAt: 0,
  };
  return { user, requestId: 'req-1' };
}

describe('UsersService', () => {
  let dataSource: DataSource;
  let directory: FakeDirectory;
  let revocations: SubjectRevocations;
  let service: UsersService;
  const admin = actor('auth0|ada', PERMISSIONS);
  const staffManager = actor('auth0|sam', [
    'read:users',
    'update:users',
    'read:records',
    'create:records',
    'update:records',
  ]);
  const auditActions = async () =>
    (await dataSource.getRepository(AuditEvent).find({ order: { id: 'ASC' } })).map((e) => `${e.action} ${e.targetId}`);

  beforeEach(async () => {
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [AuditEvent, RevokedSubject],
      synchronize: true,
    });
    await dataSource.initialize();
    directory = new FakeDirectory();
    directory.add('auth0|ada', ['rol_admin']);
    directory.add('auth0|sam', ['rol_staff']);
    directory.add('auth0|vic', ['rol_viewer']);
    revocations = new SubjectRevocations(dataSource.getRepository(RevokedSubject));
    service = new UsersService(
      directory,
      revocations,
      new AuditService(dataSource.getRepository(AuditEvent)),
      dataSource,
    );
  });

  afterEach(async () => {
    await dataSource.destroy();
  });

  const conflict = (promise: Promise<unknown>, text: RegExp) =>
    expect(promise).rejects.toMatchObject({ status: 409, message: expect.stringMatching(text) });

  describe('update', () => {
    it('should block a user, revoke their tokens at once, and audit it', async () => {
      await service.update(admin, 'auth0|vic', { blocked: true });
      expect(directory.users.get('auth0|vic')?.blocked).toBe(true);
      expect(revocations.isRevoked('auth0|vic')).toBe(true);
      await service.update(admin, 'auth0|vic', { blocked: false });
      expect(revocations.isRevoked('auth0|vic')).toBe(false);
      expect(await auditActions()).toEqual(['user.blocked auth0|vic', 'user.unblocked auth0|vic']);
    });

    it('should not let anyone block themselves', async () => {
      await conflict(service.update(staffManager, 'auth0|sam', { blocked: true }), /yourself/);
      expect(revocations.isRevoked('auth0|sam')).toBe(false);
    });

    it('should never block the last admin, but may once there is another', async () => {
      await conflict(service.update(staffManager, 'auth0|ada', { blocked: true }), /last admin/);
      directory.add('auth0|ann', ['rol_admin']);
      await service.update(staffManager, 'auth0|ada', { blocked: true });
      expect(revocations.isRevoked('auth0|ada')).toBe(true);
    });
  });

  describe('delete', () => {
    it('should delete, revoke and audit', async () => {
      await service.delete(admin, 'auth0|vic');
      expect(directory.users.has('auth0|vic')).toBe(false);
      expect(revocations.isRevoked('auth0|vic')).toBe(true);
      expect(await auditActions()).toEqual(['user.deleted auth0|vic']);
    });

    it('should refuse deleting yourself or the last admin, writing nothing', async () => {
      await conflict(service.delete(admin, 'auth0|ada'), /yourself/);
      await conflict(service.delete(staffManager, 'auth0|ada'), /last admin/);
      expect(directory.users.has('auth0|ada')).toBe(true);
      expect(await auditActions()).toEqual([]);
    });
  });

  describe('setRoles', () => {
    it('should make the given roles the complete set', async () => {
      const detail = await service.setRoles(admin, 'auth0|vic', ['rol_staff']);
      expect(detail.roles.map((role) => role.name)).toEqual(['staff']);
      expect(await auditActions()).toEqual(['user.roles_changed auth0|vic']);
    });

    it('should not let anyone grant a role carrying permissions they do not hold', async () => {
      await expect(service.setRoles(staffManager, 'auth0|vic', ['rol_admin'])).rejects.toMatchObject({ status: 403 });
      expect(directory.users.get('auth0|vic')?.roles).toEqual(['rol_viewer']);
      await service.setRoles(staffManager, 'auth0|vic', ['rol_staff']);
      expect(directory.users.get('auth0|vic')?.roles).toEqual(['rol_staff']);
    });

    it('should keep the admin role on the last admin', async () => {
      await conflict(service.setRoles(admin, 'auth0|ada', ['rol_staff']), /last admin/);
      expect(directory.users.get('auth0|ada')?.roles).toEqual(['rol_admin']);
    });

    it('should refuse unknown role ids with a 400 naming roles', async () => {
      await expect(service.setRoles(admin, 'auth0|vic', ['rol_nope'])).rejects.toMatchObject({
        status: 400,
        fields: { errors: { roles: expect.any(Array) } },
      });
    });

    it('should write nothing when the roles do not change', async () => {
      await service.setRoles(admin, 'auth0|vic', ['rol_viewer']);
      expect(await auditActions()).toEqual([]);
    });
  });

  describe('search', () => {
    it("should refuse pages beyond the directory's 1 000-result window", async () => {
      await expect(service.search({ page: 10, perPage: 100 })).rejects.toMatchObject({ status: 400 });
      expect((await service.search({ page: 9, perPage: 100 })).total).toBe(3);
    });
  });

  describe('create', () => {
    it('should create the user, hand back an invitation link and audit it', async () => {
      const { user, invitationUrl } = await service.create(admin, { email: 'new@x.test', name: 'New' });
      expect(user.roles).toEqual([]);
      expect(invitationUrl).toContain('ticket=');
      expect(await auditActions()).toEqual(['user.created new@x.test']);
    });
  });
});
