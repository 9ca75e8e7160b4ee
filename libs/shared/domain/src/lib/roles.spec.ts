import { PERMISSIONS } from './permissions';
import { isStewardRole, STEWARD_ROLE_PERMISSIONS, STEWARD_ROLES } from './roles';

describe('roles', () => {
  it('should give admin every permission and the others a strict subset', () => {
    expect([...STEWARD_ROLE_PERMISSIONS.admin].sort()).toEqual([...PERMISSIONS].sort());
    for (const role of STEWARD_ROLES.filter((name) => name !== 'admin')) {
      expect(STEWARD_ROLE_PERMISSIONS[role].every((permission) => PERMISSIONS.includes(permission))).toBe(true);
      expect(STEWARD_ROLE_PERMISSIONS[role].length).toBeLessThan(PERMISSIONS.length);
    }
  });

  it('should keep support below admin: no create, delete or audit', () => {
    expect(STEWARD_ROLE_PERMISSIONS.support).not.toContain('create:users');
    expect(STEWARD_ROLE_PERMISSIONS.support).not.toContain('delete:users');
    expect(STEWARD_ROLE_PERMISSIONS.support).not.toContain('read:audit');
  });

  describe('isStewardRole', () => {
    it('should match names exactly', () => {
      expect(STEWARD_ROLES.every(isStewardRole)).toBe(true);
      for (const value of ['Admin', 'admin ', 'billing', '', null, 1, ['admin']])
        expect(isStewardRole(value)).toBe(false);
    });
  });
});
