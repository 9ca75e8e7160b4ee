import { Logger } from '@nestjs/common';
import { AuditEvent } from '@steward/api-audit-feature';
import { ProblemException } from '@steward/api-core-util';
import { ALL_PERMISSIONS } from './testing/fake-user-directory';
import { actor, UsersTestBed } from './testing/users-test-bed';

const outage = () =>
  new ProblemException(503, { detail: 'The user directory is unavailable.' }, { 'Retry-After': '5' });

/** Revoke before the directory is asked; audit ahead of it; undo only what this request did. */
describe('UsersService order of effects', () => {
  let bed: UsersTestBed;
  const admin = actor('auth0|ada', ALL_PERMISSIONS);
  /** Whether the user was revoked when the directory was asked to change them. */
  let revokedAtCall: Record<string, boolean>;

  beforeEach(async () => {
    bed = await new UsersTestBed().start();
    bed.directory.add('auth0|ada', ['admin']);
    bed.directory.add('auth0|vic', ['viewer']);
    revokedAtCall = {};
    bed.directory.onChange.push((call) => (revokedAtCall[call] = bed.revocations.isRevoked(call.split(' ')[1])));
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await bed.stop();
  });

  describe('block', () => {
    it('should revoke before asking the directory', async () => {
      await bed.service.update(admin, 'auth0|vic', { blocked: true });
      expect(revokedAtCall).toEqual({ 'update auth0|vic': true });
    });

    it('should undo its revocation and audit a failure when the directory fails', async () => {
      bed.directory.failNext('update', outage());
      await expect(bed.service.update(admin, 'auth0|vic', { blocked: true })).rejects.toMatchObject({ status: 503 });
      expect(bed.revocations.isRevoked('auth0|vic')).toBe(false);
      expect(bed.directory.users.get('auth0|vic')?.blocked).toBe(false);
      expect(await bed.auditTrail()).toEqual(['user.blocked auth0|vic failed']);
    });

    it('should keep a revocation that was there before', async () => {
      await bed.revocations.revoke('auth0|vic');
      bed.directory.failNext('update', outage());
      await expect(bed.service.update(admin, 'auth0|vic', { blocked: true })).rejects.toMatchObject({ status: 503 });
      expect(bed.revocations.isRevoked('auth0|vic')).toBe(true);
    });
  });

  describe('delete', () => {
    it('should revoke before asking the directory', async () => {
      await bed.service.delete(admin, 'auth0|vic');
      expect(revokedAtCall).toEqual({ 'delete auth0|vic': true });
    });

    it('should still revoke a user already gone, and answer as done (idempotent)', async () => {
      await expect(bed.service.delete(admin, 'auth0|gone')).resolves.toBeUndefined();
      expect(bed.revocations.isRevoked('auth0|gone')).toBe(true);
      expect(bed.directory.changes).toEqual([]);
      expect(await bed.auditTrail()).toEqual(['user.deleted auth0|gone succeeded']);
    });

    it('should undo its revocation when the directory fails', async () => {
      bed.directory.failNext('delete', outage());
      await expect(bed.service.delete(admin, 'auth0|vic')).rejects.toMatchObject({ status: 503 });
      expect(bed.revocations.isRevoked('auth0|vic')).toBe(false);
      expect(await bed.auditTrail()).toEqual(['user.deleted auth0|vic failed']);
    });
  });

  describe('when the audit log cannot be written', () => {
    beforeEach(() => {
      jest
        .spyOn(bed.audit, 'attempt')
        .mockRejectedValue(
          new ProblemException(503, { detail: 'The audit log is unavailable, so nothing was changed.' }),
        );
    });

    it.each([
      ['block', () => bed.service.update(admin, 'auth0|vic', { blocked: true })],
      ['delete', () => bed.service.delete(admin, 'auth0|vic')],
      ['roles', () => bed.service.setRoles(admin, 'auth0|vic', ['rol_staff'])],
      ['password reset', () => bed.service.passwordReset(admin, 'auth0|vic')],
    ])('should refuse %s with 503 and change nothing', async (_name, act) => {
      await expect(act()).rejects.toMatchObject({ status: 503 });
      expect(bed.directory.changes).toEqual([]);
      expect(bed.revocations.isRevoked('auth0|vic')).toBe(false);
    });
  });

  describe('when the database goes away', () => {
    it('should refuse with 503 before the directory is asked', async () => {
      await bed.dataSource.destroy();
      await expect(bed.service.update(admin, 'auth0|vic', { blocked: true })).rejects.toMatchObject({ status: 503 });
      expect(bed.directory.changes).toEqual([]);
    });
  });

  describe('when the outcome cannot be recorded', () => {
    it('should keep the change and its pending audit row', async () => {
      const repository = bed.dataSource.getRepository(AuditEvent);
      jest.spyOn(repository, 'update').mockRejectedValueOnce(new Error('connection lost'));
      await bed.service.setRoles(admin, 'auth0|vic', ['rol_staff']);
      expect(bed.directory.rolesNamed('auth0|vic')).toEqual(['staff']);
      expect(await bed.auditTrail()).toEqual(['user.roles_changed auth0|vic pending']);
    });
  });
});
