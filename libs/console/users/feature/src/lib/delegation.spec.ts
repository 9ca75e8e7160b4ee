import type { RoleView, UserDetail } from '@steward/shared-domain';
import { manageable, missingPermissions } from './delegation';

describe('delegation', () => {
  describe('manageable', () => {
    it('should follow the API’s canManage', () => {
      expect(manageable({ canManage: true } as UserDetail)).toBe(true);
      expect(manageable({ canManage: false } as UserDetail)).toBe(false);
    });
  });

  describe('missingPermissions', () => {
    const support = { permissions: ['read:records', 'read:users', 'update:users'] } as RoleView;

    it('should name the permissions of a role the signed-in user lacks, in the role’s order', () => {
      expect(missingPermissions(support, new Set(['read:users']))).toEqual(['read:records', 'update:users']);
    });

    it('should find none when the signed-in user holds them all', () => {
      expect(
        missingPermissions(support, new Set(['read:records', 'read:users', 'update:users', 'read:audit'])),
      ).toEqual([]);
    });
  });
});
