import { ALL_PERMISSIONS } from './testing/fake-user-directory';
import { actor, UsersTestBed } from './testing/users-test-bed';

describe('UsersService', () => {
  let bed: UsersTestBed;
  const admin = actor('auth0|ada', ALL_PERMISSIONS);

  beforeEach(async () => {
    bed = await new UsersTestBed().start();
    bed.directory.add('auth0|ada', ['admin']);
    bed.directory.add('auth0|sam', ['staff']);
    bed.directory.add('auth0|vic', ['viewer']);
  });

  afterEach(() => bed.stop());

  describe('get', () => {
    it('should show the roles with their permissions and whether the caller may manage the user', async () => {
      const detail = await bed.service.get(admin, 'auth0|sam');
      expect(detail).toMatchObject({
        id: 'auth0|sam',
        canManage: true,
        roles: [{ id: 'rol_staff', name: 'staff', permissions: ['read:records', 'create:records', 'update:records'] }],
      });
    });
  });

  describe('roles', () => {
    it("should list only Steward's own roles, each with its permissions", async () => {
      const roles = await bed.service.roles();
      expect(roles.map((role) => role.name)).toEqual(['admin', 'support', 'staff', 'viewer']);
      expect(roles.find((role) => role.name === 'viewer')?.permissions).toEqual(['read:records']);
    });
  });

  describe('update', () => {
    it('should block a user, revoke their tokens at once, and audit it', async () => {
      await bed.service.update(admin, 'auth0|vic', { blocked: true });
      expect(bed.directory.users.get('auth0|vic')?.blocked).toBe(true);
      expect(bed.revocations.isRevoked('auth0|vic')).toBe(true);
      await bed.service.update(admin, 'auth0|vic', { blocked: false });
      expect(bed.revocations.isRevoked('auth0|vic')).toBe(false);
      expect(await bed.auditTrail()).toEqual([
        'user.blocked auth0|vic succeeded',
        'user.unblocked auth0|vic succeeded',
      ]);
    });

    it('should store the request id and the correlation id apart', async () => {
      await bed.service.update({ ...admin, requestId: 'server-id', correlationId: 'their-id' }, 'auth0|vic', {
        name: 'Vic',
      });
      const [row] = await bed.audit.list('', { limit: 1 } as never).then((page) => page.items);
      expect(row).toMatchObject({ requestId: 'server-id', correlationId: 'their-id', action: 'user.updated' });
    });

    it('should answer an empty change with the user as they are, sending and auditing nothing', async () => {
      const updates = jest.spyOn(bed.directory, 'update');
      expect(await bed.service.update(admin, 'auth0|vic', {})).toMatchObject({ id: 'auth0|vic', blocked: false });
      expect(updates).not.toHaveBeenCalled();
      expect(await bed.auditTrail()).toEqual([]);
    });

    it('should not let anyone block themselves', async () => {
      await expect(bed.service.update(admin, 'auth0|ada', { blocked: true })).rejects.toMatchObject({
        status: 409,
        message: 'You cannot block yourself.',
      });
      expect(bed.revocations.isRevoked('auth0|ada')).toBe(false);
    });
  });

  describe('delete', () => {
    it('should delete, revoke and audit', async () => {
      await bed.service.delete(admin, 'auth0|vic');
      expect(bed.directory.users.has('auth0|vic')).toBe(false);
      expect(bed.revocations.isRevoked('auth0|vic')).toBe(true);
      expect(await bed.auditTrail()).toEqual(['user.deleted auth0|vic succeeded']);
    });

    it('should refuse deleting yourself, writing nothing', async () => {
      await expect(bed.service.delete(admin, 'auth0|ada')).rejects.toMatchObject({ status: 409 });
      expect(bed.directory.users.has('auth0|ada')).toBe(true);
      expect(await bed.auditTrail()).toEqual([]);
    });
  });

  describe('setRoles', () => {
    it('should make the given roles the complete set', async () => {
      const detail = await bed.service.setRoles(admin, 'auth0|vic', ['rol_staff']);
      expect(detail.roles.map((role) => role.name)).toEqual(['staff']);
      expect(await bed.auditTrail()).toEqual(['user.roles_changed auth0|vic succeeded']);
    });

    it('should refuse unknown role ids with a 400 naming roles', async () => {
      await expect(bed.service.setRoles(admin, 'auth0|vic', ['rol_nope'])).rejects.toMatchObject({
        status: 400,
        fields: { errors: { roles: expect.any(Array) } },
      });
    });

    it('should write nothing when the roles do not change', async () => {
      await bed.service.setRoles(admin, 'auth0|vic', ['rol_viewer']);
      expect(await bed.auditTrail()).toEqual([]);
      expect(bed.directory.changes).toEqual([]);
    });
  });

  describe('search', () => {
    it("should refuse pages beyond the directory's 1 000-result window", async () => {
      await expect(bed.service.search({ page: 10, perPage: 100 })).rejects.toMatchObject({ status: 400 });
      expect((await bed.service.search({ page: 9, perPage: 100 })).total).toBe(3);
    });
  });

  describe('create', () => {
    it('should create the user, hand back an invitation link and audit it under the new id', async () => {
      const { user, invitationUrl } = await bed.service.create(admin, { email: 'new@x.test', name: 'New' });
      expect(user).toMatchObject({ id: 'auth0|new', roles: [], canManage: true });
      expect(invitationUrl).toContain('ticket=');
      expect(await bed.auditTrail()).toEqual(['user.created auth0|new succeeded']);
    });

    it('should audit a refused creation as failed under the email', async () => {
      bed.directory.failNext('create', new Error('conflict'));
      await expect(bed.service.create(admin, { email: 'new@x.test', name: 'New' })).rejects.toThrow('conflict');
      expect(await bed.auditTrail()).toEqual(['user.created new@x.test failed']);
    });
  });
});
