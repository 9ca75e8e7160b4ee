import { ALL_PERMISSIONS } from './testing/fake-user-directory';
import { actor, UsersTestBed } from './testing/users-test-bed';

/** The tenant always keeps one unblocked admin, also when two requests race. */
describe('UsersService last admin', () => {
  let bed: UsersTestBed;
  const ada = actor('auth0|ada', ALL_PERMISSIONS);
  const ann = actor('auth0|ann', ALL_PERMISSIONS);
  const manager = actor('auth0|machine-like-manager', ALL_PERMISSIONS);
  const lastAdmin = (promise: Promise<unknown>) =>
    expect(promise).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/last admin/) });

  beforeEach(async () => {
    bed = await new UsersTestBed().start();
    bed.directory.add('auth0|ada', ['admin']);
    bed.directory.add('auth0|ann', ['admin']);
    bed.directory.add('auth0|vic', ['viewer']);
  });

  afterEach(() => bed.stop());

  it('should not count a blocked admin', async () => {
    await bed.service.update(ada, 'auth0|ann', { blocked: true });
    await lastAdmin(bed.service.update(manager, 'auth0|ada', { blocked: true }));
    await lastAdmin(bed.service.delete(manager, 'auth0|ada'));
    await lastAdmin(bed.service.setRoles(manager, 'auth0|ada', ['rol_staff']));
    expect(bed.directory.rolesNamed('auth0|ada')).toEqual(['admin']);
    expect(bed.revocations.isRevoked('auth0|ada')).toBe(false);
  });

  it('should let an admin go while another unblocked one remains', async () => {
    await bed.service.setRoles(ada, 'auth0|ann', ['rol_staff']);
    await lastAdmin(bed.service.delete(manager, 'auth0|ada'));
  });

  it('should leave roles other than admin free to remove', async () => {
    await bed.service.setRoles(ada, 'auth0|ann', ['rol_admin', 'rol_staff']);
    await bed.service.update(manager, 'auth0|ada', { blocked: true });
    await bed.service.setRoles(manager, 'auth0|ann', ['rol_admin']);
    expect(bed.directory.rolesNamed('auth0|ann')).toEqual(['admin']);
  });

  describe('when two admins act on each other at the same moment', () => {
    beforeEach(() => {
      bed.directory.latencyMs = 5; // every directory call yields, so unserialized requests would interleave
    });

    const race = async (first: Promise<unknown>, second: Promise<unknown>) => {
      const results = await Promise.allSettled([first, second]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { status: 409 } });
      const unblockedAdmins = [...bed.directory.users.values()].filter(
        (user) => user.roles.includes('rol_admin') && !user.blocked,
      );
      expect(unblockedAdmins).toHaveLength(1);
    };

    it('should let exactly one delete succeed', async () => {
      await race(bed.service.delete(ada, 'auth0|ann'), bed.service.delete(ann, 'auth0|ada'));
    });

    it('should let exactly one block succeed', async () => {
      await race(
        bed.service.update(ada, 'auth0|ann', { blocked: true }),
        bed.service.update(ann, 'auth0|ada', { blocked: true }),
      );
    });

    it('should let exactly one demotion succeed', async () => {
      await race(
        bed.service.setRoles(ada, 'auth0|ann', ['rol_staff']),
        bed.service.setRoles(ann, 'auth0|ada', ['rol_staff']),
      );
    });
  });
});
