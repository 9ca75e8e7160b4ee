import { Accounts, EmailTakenError, profileClaims, type Account } from './accounts';
import type { RoleDescription, UserFixture } from './tenant-description';

const API = 'https://api.steward.local/';
const OTHER_API = 'https://other.example/';
const PASSWORD = 'correct horse';

const ROLES: RoleDescription[] = [
  {
    name: 'admin',
    description: '',
    permissions: [
      { permission: 'read:records', audience: API },
      { permission: 'read:users', audience: API },
      { permission: 'read:reports', audience: OTHER_API },
    ],
  },
  {
    name: 'staff',
    description: '',
    permissions: [
      { permission: 'read:records', audience: API },
      { permission: 'update:records', audience: API },
    ],
  },
  { name: 'viewer', description: '', permissions: [{ permission: 'read:records', audience: API }] },
];

const USERS: UserFixture[] = [
  { email: 'Admin@Steward.Local', name: 'Ada Admin', roles: ['admin', 'staff'] },
  { email: 'viewer@steward.local', name: 'Vic Viewer', roles: ['viewer'] },
  { email: 'blocked@steward.local', name: 'Bo Blocked', roles: ['staff'], blocked: true },
];

function signedIn(accounts: Accounts, email: string): Account {
  const result = accounts.authenticate(email, PASSWORD);
  if (!result.ok) throw new Error(`expected ${email} to sign in, got ${result.reason}`);
  return result.account;
}

describe('Accounts', () => {
  let accounts: Accounts;

  beforeEach(() => {
    accounts = new Accounts(USERS, PASSWORD, ROLES);
  });

  describe('authenticate', () => {
    it('should sign in with the right password', () => {
      const account = signedIn(accounts, 'viewer@steward.local');
      expect(account).toMatchObject({
        email: 'viewer@steward.local',
        name: 'Vic Viewer',
        roles: ['viewer'],
        blocked: false,
      });
    });

    it('should refuse a wrong password or an unknown email alike', () => {
      expect(accounts.authenticate('viewer@steward.local', 'wrong')).toEqual({
        ok: false,
        reason: 'wrong_credentials',
      });
      expect(accounts.authenticate('nobody@steward.local', PASSWORD)).toEqual({
        ok: false,
        reason: 'wrong_credentials',
      });
    });

    it('should match the email case-insensitively and ignore surrounding spaces', () => {
      expect(signedIn(accounts, ' ADMIN@steward.local ').email).toBe('admin@steward.local');
    });

    it('should report a blocked user only when the password is right', () => {
      expect(accounts.authenticate('blocked@steward.local', PASSWORD)).toEqual({ ok: false, reason: 'blocked' });
      expect(accounts.authenticate('blocked@steward.local', 'wrong')).toEqual({
        ok: false,
        reason: 'wrong_credentials',
      });
    });

    it('should count successful logins and record the last one', () => {
      const before = Date.now();
      signedIn(accounts, 'viewer@steward.local');
      accounts.authenticate('viewer@steward.local', 'wrong');
      const account = signedIn(accounts, 'viewer@steward.local');
      expect(account.loginsCount).toBe(2);
      expect(Date.parse(account.lastLogin ?? '')).toBeGreaterThanOrEqual(before - 1);
      expect(accounts.find(account.userId)?.loginsCount).toBe(2);
    });

    it('should not count a refused login', () => {
      accounts.authenticate('blocked@steward.local', PASSWORD);
      const blocked = accounts.list().find((account) => account.email === 'blocked@steward.local');
      expect(blocked).toMatchObject({ loginsCount: 0, lastLogin: null });
    });
  });

  describe('add', () => {
    it('should derive a stable user id from the lower-cased email', () => {
      const again = new Accounts([{ email: 'admin@steward.local', name: 'Other', roles: [] }], 'other', []);
      const id = accounts.list()[0].userId;
      expect(id).toMatch(/^auth0\|[0-9a-f]{24}$/);
      expect(again.list()[0].userId).toBe(id);
      expect(accounts.list()[1].userId).not.toBe(id);
    });

    it('should return the new account, able to sign in with its own password', () => {
      const added = accounts.add({ email: 'new@steward.local', name: 'Nia New', roles: [] }, 'fresh');
      expect(added).toMatchObject({ email: 'new@steward.local', loginsCount: 0, lastLogin: null, blocked: false });
      expect(accounts.authenticate('new@steward.local', 'fresh').ok).toBe(true);
      expect(accounts.authenticate('new@steward.local', PASSWORD).ok).toBe(false);
    });
  });

  describe('permissionsFor', () => {
    it('should grant the permissions of all the account roles on one audience, once each', () => {
      const admin = signedIn(accounts, 'admin@steward.local');
      expect(accounts.permissionsFor(admin, API).sort()).toEqual(['read:records', 'read:users', 'update:records']);
      expect(accounts.permissionsFor(admin, OTHER_API)).toEqual(['read:reports']);
      expect(accounts.permissionsFor(admin, 'https://unknown.example/')).toEqual([]);
    });

    it('should grant nothing for a role the tenant does not define', () => {
      const ghost = accounts.add({ email: 'ghost@steward.local', name: 'Ghost', roles: ['superuser'] }, PASSWORD);
      expect(accounts.permissionsFor(ghost, API)).toEqual([]);
    });
  });

  describe('list and find', () => {
    it('should never expose the password hash or salt', () => {
      const all = accounts.list();
      expect(all).toHaveLength(3);
      for (const account of [...all, accounts.find(all[0].userId), signedIn(accounts, 'viewer@steward.local')]) {
        expect(Object.keys(account ?? {}).sort()).toEqual([
          'appMetadata',
          'blocked',
          'createdAt',
          'email',
          'emailVerified',
          'lastLogin',
          'loginsCount',
          'name',
          'nickname',
          'roles',
          'updatedAt',
          'userId',
          'userMetadata',
        ]);
      }
    });

    it('should answer undefined for an unknown id', () => {
      expect(accounts.find('auth0|nobody')).toBeUndefined();
    });

    it('should hand out copies that cannot change the stored account', () => {
      const viewer = accounts.list()[1];
      viewer.roles.push('admin');
      viewer.blocked = true;
      expect(accounts.find(viewer.userId)).toMatchObject({ roles: ['viewer'], blocked: false });
    });
  });

  describe('create', () => {
    it('should create a user with a random Auth0-style id and Auth0 defaults', () => {
      const created = accounts.create({ email: ' New@Example.com ' });
      expect(created).toMatchObject({
        userId: expect.stringMatching(/^auth0\|[0-9a-f]{24}$/),
        email: 'new@example.com',
        emailVerified: false,
        name: 'new@example.com',
        nickname: 'new',
        roles: [],
        blocked: false,
        appMetadata: {},
        userMetadata: {},
      });
      expect(accounts.create({ email: 'other@example.com' }).userId).not.toBe(created.userId);
    });

    it('should refuse an email another user has, whatever its case', () => {
      expect(() => accounts.create({ email: 'VIEWER@steward.local' })).toThrow(EmailTakenError);
    });

    it('should let a user sign in with the password given, and nobody without one', () => {
      accounts.create({ email: 'with@example.com', password: 'a password' });
      accounts.create({ email: 'without@example.com' });
      expect(accounts.authenticate('with@example.com', 'a password').ok).toBe(true);
      expect(accounts.authenticate('without@example.com', '').ok).toBe(false);
      expect(accounts.authenticate('without@example.com', PASSWORD).ok).toBe(false);
    });
  });

  describe('update', () => {
    it('should change the profile and move updatedAt', async () => {
      const viewer = accounts.findByEmail('viewer@steward.local') as Account;
      await new Promise((resolve) => setTimeout(resolve, 2));
      const updated = accounts.update(viewer.userId, { name: 'Victoria', nickname: 'vic', blocked: true });
      expect(updated).toMatchObject({ name: 'Victoria', nickname: 'vic', blocked: true });
      expect(Date.parse(updated?.updatedAt ?? '')).toBeGreaterThan(Date.parse(viewer.updatedAt));
      expect(accounts.authenticate('viewer@steward.local', PASSWORD)).toEqual({ ok: false, reason: 'blocked' });
    });

    it('should merge metadata one level deep and delete keys set to null', () => {
      const { userId } = accounts.create({
        email: 'meta@example.com',
        appMetadata: { plan: { tier: 'gold', seats: 3 }, team: 'a' },
      });
      accounts.update(userId, { appMetadata: { plan: { tier: 'silver' }, team: null, region: 'eu' } });
      expect(accounts.find(userId)?.appMetadata).toEqual({ plan: { tier: 'silver' }, region: 'eu' });
      accounts.update(userId, { userMetadata: { theme: 'dark' } });
      accounts.update(userId, { appMetadata: {} });
      expect(accounts.find(userId)).toMatchObject({ appMetadata: {}, userMetadata: { theme: 'dark' } });
    });

    it('should change the sign-in email, unverified, and refuse one another user has', () => {
      const viewer = accounts.findByEmail('viewer@steward.local') as Account;
      expect(accounts.update(viewer.userId, { email: 'Vic@Example.com' })).toMatchObject({
        email: 'vic@example.com',
        emailVerified: false,
      });
      expect(accounts.authenticate('vic@example.com', PASSWORD).ok).toBe(true);
      expect(() => accounts.update(viewer.userId, { email: 'admin@steward.local' })).toThrow(EmailTakenError);
      expect(accounts.update(viewer.userId, { email: 'vic@example.com', emailVerified: true })?.emailVerified).toBe(
        true,
      );
    });

    it('should set a new password', () => {
      const viewer = accounts.findByEmail('viewer@steward.local') as Account;
      accounts.update(viewer.userId, { password: 'brand new password' });
      expect(accounts.authenticate('viewer@steward.local', PASSWORD).ok).toBe(false);
      expect(accounts.authenticate('viewer@steward.local', 'brand new password').ok).toBe(true);
    });

    it('should answer undefined for an unknown user', () => {
      expect(accounts.update('auth0|nobody', { name: 'x' })).toBeUndefined();
    });
  });

  describe('remove', () => {
    it('should delete a user, who can then no longer sign in', () => {
      const viewer = accounts.findByEmail('viewer@steward.local') as Account;
      expect(accounts.remove(viewer.userId)).toBe(true);
      expect(accounts.find(viewer.userId)).toBeUndefined();
      expect(accounts.authenticate('viewer@steward.local', PASSWORD).ok).toBe(false);
      expect(accounts.remove(viewer.userId)).toBe(false);
    });
  });

  describe('roles', () => {
    it('should assign roles once and remove them, changing the permissions', () => {
      const viewer = accounts.findByEmail('viewer@steward.local') as Account;
      expect(accounts.assignRoles(viewer.userId, ['staff', 'viewer', 'staff'])?.roles).toEqual(['viewer', 'staff']);
      expect(accounts.permissionsFor(accounts.find(viewer.userId) as Account, API).sort()).toEqual([
        'read:records',
        'update:records',
      ]);
      expect(accounts.unassignRoles(viewer.userId, ['viewer', 'admin'])?.roles).toEqual(['staff']);
      expect(accounts.assignRoles('auth0|nobody', ['staff'])).toBeUndefined();
      expect(accounts.unassignRoles('auth0|nobody', ['staff'])).toBeUndefined();
    });
  });

  describe('logs', () => {
    it('should log sign-ins of known users with their context, and nothing for unknown emails', () => {
      const context = { clientId: 'cli', clientName: 'CLI', ip: '127.0.0.1', userAgent: 'jest' };
      signedIn(accounts, 'viewer@steward.local');
      accounts.authenticate('viewer@steward.local', 'wrong', context);
      accounts.authenticate('blocked@steward.local', PASSWORD, context);
      accounts.authenticate('nobody@steward.local', PASSWORD, context);
      const viewer = accounts.findByEmail('viewer@steward.local') as Account;
      expect(accounts.logs.forUser(viewer.userId).map((entry) => [entry.type, entry.description])).toEqual([
        ['s', 'Successful login'],
        ['fp', 'Wrong email or password.'],
      ]);
      const blocked = accounts.findByEmail('blocked@steward.local') as Account;
      expect(accounts.logs.forUser(blocked.userId)).toEqual([
        expect.objectContaining({
          type: 'f',
          description: 'user is blocked',
          client_id: 'cli',
          client_name: 'CLI',
          ip: '127.0.0.1',
          user_agent: 'jest',
          user_id: blocked.userId,
          user_name: 'blocked@steward.local',
          connection: 'Username-Password-Authentication',
        }),
      ]);
    });
  });

  describe('profileClaims', () => {
    it('should carry the verified flag, nickname and last update', () => {
      const created = accounts.create({ email: 'claims@example.com', name: 'Cla Ims', emailVerified: true });
      expect(profileClaims(created)).toEqual({
        sub: created.userId,
        email: 'claims@example.com',
        email_verified: true,
        name: 'Cla Ims',
        nickname: 'claims',
        updated_at: Math.floor(Date.parse(created.updatedAt) / 1000),
      });
    });
  });
});
