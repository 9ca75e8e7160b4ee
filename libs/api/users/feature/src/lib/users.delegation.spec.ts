import { ALL_PERMISSIONS } from './testing/fake-user-directory';
import { actor, actorWithRole, UsersTestBed } from './testing/users-test-bed';

/** SPEC §5: to act on a user the caller must hold every permission of that user's roles. */
describe('UsersService delegation', () => {
  let bed: UsersTestBed;
  const admin = actor('auth0|ada', ALL_PERMISSIONS);
  const support = actorWithRole('auth0|sky', 'support');
  const refused = (promise: Promise<unknown>, detail: RegExp) =>
    expect(promise).rejects.toMatchObject({ status: 403, message: expect.stringMatching(detail) });

  /** Nothing happened: no directory change, no ticket, no revocation, no audit row. */
  const expectNothingChanged = async () => {
    expect(bed.directory.changes).toEqual([]);
    expect(await bed.auditTrail()).toEqual([]);
    for (const id of bed.directory.users.keys()) expect(bed.revocations.isRevoked(id)).toBe(false);
  };

  beforeEach(async () => {
    bed = await new UsersTestBed().start();
    bed.directory.add('auth0|ada', ['admin']);
    bed.directory.add('auth0|ann', ['admin']);
    bed.directory.add('auth0|sky', ['support']);
    bed.directory.add('auth0|sue', ['support']);
    bed.directory.add('auth0|sam', ['staff']);
    bed.directory.add('auth0|vic', ['viewer']);
    bed.directory.add('auth0|bill', ['staff', 'billing']);
    bed.directory.add('auth0|aud', ['auditor']);
  });

  afterEach(() => bed.stop());

  describe('support', () => {
    it.each(['auth0|sam', 'auth0|vic'])('should block, unblock, rename and reset the password of %s', async (id) => {
      await bed.service.update(support, id, { blocked: true });
      expect(bed.revocations.isRevoked(id)).toBe(true);
      await bed.service.update(support, id, { blocked: false, name: 'Renamed' });
      expect(bed.revocations.isRevoked(id)).toBe(false);
      expect((await bed.service.passwordReset(support, id)).ticketUrl).toContain('ticket=');
      expect(bed.directory.changes).toEqual([`update ${id}`, `update ${id}`, `passwordChangeTicket ${id}`]);
    });

    it('should be refused on an admin, whatever the action, and change nothing', async () => {
      const detail =
        /cannot manage this user: their roles carry permissions you do not hold \(create:users, delete:records, delete:users, read:audit\)/;
      await refused(bed.service.update(support, 'auth0|ada', { blocked: true }), detail);
      await refused(bed.service.update(support, 'auth0|ada', { blocked: false }), detail);
      await refused(bed.service.update(support, 'auth0|ada', { name: 'Mallory' }), detail);
      await refused(bed.service.passwordReset(support, 'auth0|ada'), detail);
      await refused(bed.service.setRoles(support, 'auth0|ada', ['rol_viewer']), detail);
      await expectNothingChanged();
    });

    it('should not get a password-change ticket for an admin (no account takeover)', async () => {
      await refused(bed.service.passwordReset(support, 'auth0|ada'), /cannot manage this user/);
      expect(bed.directory.changes.filter((call) => call.startsWith('passwordChangeTicket'))).toEqual([]);
    });

    it('should never grant admin, naming what it lacks', async () => {
      await refused(
        bed.service.setRoles(support, 'auth0|vic', ['rol_admin']),
        /cannot grant the admin role: it carries permissions you do not hold \(create:users, delete:records, delete:users, read:audit\)/,
      );
      await expectNothingChanged();
    });

    it('should grant roles whose permissions it holds: support, staff, viewer', async () => {
      await bed.service.setRoles(support, 'auth0|vic', ['rol_support', 'rol_staff']);
      expect(bed.directory.rolesNamed('auth0|vic')).toEqual(['support', 'staff']);
    });

    it('should act on another support user, holding all of their permissions', async () => {
      await bed.service.update(support, 'auth0|sue', { blocked: true });
      expect(bed.directory.users.get('auth0|sue')?.blocked).toBe(true);
    });

    it('should not change its own roles, not even to fewer', async () => {
      await refused(bed.service.setRoles(support, 'auth0|sky', ['rol_viewer']), /cannot change your own roles/);
      await refused(bed.service.setRoles(support, 'auth0|sky', ['rol_support', 'rol_staff']), /own roles/);
      await expectNothingChanged();
    });

    it('should see canManage false on an admin and true on staff', async () => {
      expect((await bed.service.get(support, 'auth0|ada')).canManage).toBe(false);
      expect((await bed.service.get(support, 'auth0|sam')).canManage).toBe(true);
    });
  });

  describe('roles Steward does not manage', () => {
    it("should refuse everyone, admins included, on a user holding another API's role", async () => {
      const detail = /they hold the billing role, which Steward does not manage/;
      await refused(bed.service.update(admin, 'auth0|bill', { blocked: true }), detail);
      await refused(bed.service.passwordReset(admin, 'auth0|bill'), detail);
      await refused(bed.service.delete(admin, 'auth0|bill'), detail);
      await refused(bed.service.setRoles(admin, 'auth0|bill', ['rol_staff']), detail);
      expect((await bed.service.get(admin, 'auth0|bill')).canManage).toBe(false);
      await expectNothingChanged();
    });

    it("should never grant another API's role or one that is not Steward's, even as admin", async () => {
      await refused(bed.service.setRoles(admin, 'auth0|vic', ['rol_billing']), /billing role is not one of Steward's/);
      await refused(bed.service.setRoles(admin, 'auth0|vic', ['rol_auditor']), /auditor role is not one of Steward's/);
      await expectNothingChanged();
    });

    it('should refuse on a user holding a role made outside Steward, even with only Steward permissions', async () => {
      await refused(bed.service.update(admin, 'auth0|aud', { name: 'X' }), /auditor role/);
    });

    it('should show such roles on the user, with only the Steward permissions they carry', async () => {
      const detail = await bed.service.get(admin, 'auth0|bill');
      expect(detail.roles).toEqual([
        expect.objectContaining({ name: 'staff' }),
        expect.objectContaining({ name: 'billing', permissions: [] }),
      ]);
    });
  });

  describe('when an operator changes a role in the tenant (the catalogue has not caught up)', () => {
    it('should refuse to grant a role that gained a permission the caller lacks', async () => {
      bed.directory.changeRole('staff', { permissions: ['read:records', 'create:records', 'delete:users'] });
      await refused(
        bed.service.setRoles(support, 'auth0|vic', ['rol_staff']),
        /cannot grant the staff role: it carries permissions you do not hold \(delete:users\)/,
      );
      await expectNothingChanged();
    });

    it("should refuse to act on a holder of a role that gained a permission the caller lacks, or another API's", async () => {
      bed.directory.changeRole('staff', { permissions: ['read:records', 'read:audit'] });
      await refused(bed.service.update(support, 'auth0|sam', { blocked: true }), /\(read:audit\)/);
      bed.directory.changeRole('viewer', { foreign: true });
      await refused(bed.service.passwordReset(admin, 'auth0|vic'), /viewer role, which Steward does not manage/);
      await expectNothingChanged();
    });

    it('should let the caller do what the tenant now allows, though the catalogue still says otherwise', async () => {
      bed.directory.changeRole('support', { permissions: ['read:records'] });
      await bed.service.setRoles(actor('auth0|clerk', ['read:users', 'update:users', 'read:records']), 'auth0|vic', [
        'rol_support',
      ]);
      expect(bed.directory.rolesNamed('auth0|vic')).toEqual(['support']);
    });
  });

  describe('a caller with update:users alone', () => {
    const clerk = actor('auth0|clerk', ['read:users', 'update:users']);

    it('should act on users without roles and on nobody above', async () => {
      bed.directory.add('auth0|new', []);
      await bed.service.update(clerk, 'auth0|new', { blocked: true });
      await refused(bed.service.update(clerk, 'auth0|vic', { blocked: true }), /\(read:records\)/);
    });
  });
});
