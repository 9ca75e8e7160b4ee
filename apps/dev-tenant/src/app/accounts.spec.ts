import { Accounts, type Account } from './accounts';
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
  { name: 'staff', description: '', permissions: [{ permission: 'read:records', audience: API }, { permission: 'update:records', audience: API }] },
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
      expect(account).toMatchObject({ email: 'viewer@steward.local', name: 'Vic Viewer', roles: ['viewer'], blocked: false });
    });

    it('should refuse a wrong password or an unknown email alike', () => {
      expect(accounts.authenticate('viewer@steward.local', 'wrong')).toEqual({ ok: false, reason: 'wrong_credentials' });
      expect(accounts.authenticate('nobody@steward.local', PASSWORD)).toEqual({ ok: false, reason: 'wrong_credentials' });
    });

    it('should match the email case-insensitively and ignore surrounding spaces', () => {
      expect(signedIn(accounts, ' ADMIN@steward.local ').email).toBe('admin@steward.local');
    });

    it('should report a blocked user only when the password is right', () => {
      expect(accounts.authenticate('blocked@steward.local', PASSWORD)).toEqual({ ok: false, reason: 'blocked' });
      expect(accounts.authenticate('blocked@steward.local', 'wrong')).toEqual({ ok: false, reason: 'wrong_credentials' });
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
        expect(Object.keys(account ?? {}).sort()).toEqual(
          ['blocked', 'createdAt', 'email', 'lastLogin', 'loginsCount', 'name', 'roles', 'userId'],
        );
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
});
