import type { Problem, UserDetail } from '@steward/shared-domain';
import { passwordGrant, type RunningApi } from '@steward/testing-util';
import { stack } from '../support/stack';
import { managementLog, setPassword, startUsersApi, userPath, UsersApi } from './users-api';

const { tenantUrl, tenantDataDir } = stack();

/** SPEC §5 with the help desk's account: delegation never climbs, and a refusal changes nothing. */
describe('Support (the help desk)', () => {
  let api: RunningApi;
  let users: UsersApi;
  let support: string;
  let supportSub: string;
  let adminId: string;

  /** Asserts a 403 problem whose detail matches, and returns the detail. */
  const refused = async (response: Response, detail: RegExp) => {
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as Problem;
    expect(problem.detail).toMatch(detail);
    return problem.detail;
  };
  /** The audit rows support's requests left about `targetId`. */
  const auditedBySupport = async (targetId: string) => {
    const page = await (
      await users.call(users.adminToken, `/audit?limit=100&actor=${encodeURIComponent(supportSub)}`)
    ).json();
    return (page.items as { targetId: string; action: string; outcome: string }[])
      .filter((event) => event.targetId === targetId)
      .map((event) => `${event.action} ${event.outcome}`);
  };

  beforeAll(async () => {
    api = await startUsersApi(tenantUrl);
    const admin = (await passwordGrant(tenantUrl, 'admin@steward.local')).access_token;
    users = new UsersApi(api.url, tenantUrl, admin);
    support = (await passwordGrant(tenantUrl, 'support@steward.local')).access_token;
    supportSub = (await (await users.call(support, '/me')).json()).sub;
    adminId = await users.idOf('admin@steward.local');
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('should hold the help desk permissions, from its seeded account', async () => {
    const me = await (await users.call(support, '/me')).json();
    expect(me).toMatchObject({ email: 'support@steward.local', name: 'Sky Support', roles: ['support'] });
    expect([...me.permissions].sort()).toEqual([
      'create:records',
      'read:records',
      'read:users',
      'update:records',
      'update:users',
    ]);
  });

  describe.each(['staff', 'viewer'])('on a %s', (role) => {
    it('should block (the user is locked out at once), unblock, and reset the password', async () => {
      const { id, email } = await users.invite([role]);
      const theirs = await users.tokenOf(email);
      const blocked = await users.call(support, userPath(id), { method: 'PATCH', body: { blocked: true } });
      expect(blocked.status).toBe(200);
      expect(((await blocked.json()) as UserDetail).blocked).toBe(true);
      expect((await users.call(theirs, '/me')).status).toBe(401);

      expect((await users.call(support, userPath(id), { method: 'PATCH', body: { blocked: false } })).status).toBe(200);
      expect((await users.detail(id)).blocked).toBe(false);

      const reset = await users.call(support, `${userPath(id)}/password-reset`, { method: 'POST' });
      expect(reset.status).toBe(200);
      await setPassword((await reset.json()).ticketUrl, 'reset-by-the-help-desk');
      await expect(passwordGrant(tenantUrl, email, { password: 'reset-by-the-help-desk' })).resolves.toHaveProperty(
        'access_token',
      );
      expect(await auditedBySupport(id)).toEqual([
        'user.password_reset succeeded',
        'user.unblocked succeeded',
        'user.blocked succeeded',
      ]);
    });

    it('should see that it may manage them', async () => {
      const { id } = await users.invite([role]);
      expect(((await (await users.call(support, userPath(id))).json()) as UserDetail).canManage).toBe(true);
    });
  });

  describe('on an admin', () => {
    const adminDetail =
      /cannot manage this user: their roles carry permissions you do not hold \(create:users, delete:records, delete:users, read:audit\)/;

    it('should be refused every action, and nothing changes: no upstream call, no ticket, no audit row', async () => {
      const before = await managementLog(tenantUrl, tenantDataDir, adminId);
      const attempts: [string, string, unknown][] = [
        ['PATCH', userPath(adminId), { blocked: true }],
        ['PATCH', userPath(adminId), { blocked: false }],
        ['PATCH', userPath(adminId), { name: 'Mallory' }],
        ['POST', `${userPath(adminId)}/password-reset`, undefined],
        ['PUT', `${userPath(adminId)}/roles`, { roles: [await users.roleId('viewer')] }],
      ];
      for (const [method, path, body] of attempts) {
        const response = await users.call(support, path, { method, body });
        const text = await refused(response, adminDetail);
        expect(text).not.toContain('ticket');
      }
      expect(await managementLog(tenantUrl, tenantDataDir, adminId)).toEqual(before);
      expect(await users.detail(adminId)).toMatchObject({
        blocked: false,
        name: 'Ada Admin',
        roles: [{ name: 'admin' }],
      });
      expect(await auditedBySupport(adminId)).toEqual([]);
      // …and the admin can still sign in with their own password.
      await expect(passwordGrant(tenantUrl, 'admin@steward.local')).resolves.toHaveProperty('access_token');
    });

    it('should see that it may not manage them', async () => {
      expect(((await (await users.call(support, userPath(adminId))).json()) as UserDetail).canManage).toBe(false);
    });

    it('should not delete anyone: it lacks delete:users', async () => {
      const response = await users.call(support, userPath(adminId), { method: 'DELETE' });
      expect(response.status).toBe(403);
      expect(response.headers.get('www-authenticate')).toContain('scope="delete:users"');
    });
  });

  describe('granting', () => {
    it('should be refused admin, and the user keeps their roles', async () => {
      const { id } = await users.invite(['viewer']);
      const response = await users.call(support, `${userPath(id)}/roles`, {
        method: 'PUT',
        body: { roles: [await users.roleId('admin')] },
      });
      await refused(response, /cannot grant the admin role: it carries permissions you do not hold/);
      expect((await users.detail(id)).roles.map((r) => r.name)).toEqual(['viewer']);
      expect(await auditedBySupport(id)).toEqual([]);
    });

    it('should grant support and staff, whose permissions it holds', async () => {
      const { id } = await users.invite(['viewer']);
      const roles = [await users.roleId('support'), await users.roleId('staff')];
      const response = await users.call(support, `${userPath(id)}/roles`, { method: 'PUT', body: { roles } });
      expect(response.status).toBe(200);
      expect(((await response.json()) as UserDetail).roles.map((r) => r.name).sort()).toEqual(['staff', 'support']);
    });
  });

  describe('on another support user', () => {
    it('should act, holding every permission their role carries', async () => {
      const { id } = await users.invite(['support']);
      expect((await users.call(support, userPath(id), { method: 'PATCH', body: { blocked: true } })).status).toBe(200);
      expect((await users.call(support, userPath(id), { method: 'PATCH', body: { blocked: false } })).status).toBe(200);
    });
  });

  describe('on itself', () => {
    it('should not change its own roles, nor block itself', async () => {
      const self = userPath(supportSub);
      await refused(
        await users.call(support, `${self}/roles`, { method: 'PUT', body: { roles: [await users.roleId('admin')] } }),
        /cannot change your own roles/,
      );
      await refused(
        await users.call(support, `${self}/roles`, { method: 'PUT', body: { roles: [await users.roleId('viewer')] } }),
        /cannot change your own roles/,
      );
      expect((await users.call(support, self, { method: 'PATCH', body: { blocked: true } })).status).toBe(409);
      expect((await users.detail(supportSub)).roles.map((r) => r.name)).toEqual(['support']);
    });
  });
});
