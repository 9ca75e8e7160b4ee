import { hasAllPermissions, isPermission, PERMISSIONS } from './permissions';

describe('permissions', () => {
  describe('isPermission', () => {
    it('should accept every declared permission', () => {
      expect(PERMISSIONS.every(isPermission)).toBe(true);
    });

    it('should reject near misses and non-strings', () => {
      for (const value of ['read:record', 'READ:RECORDS', ' read:records', '', 42, null, ['read:records']]) {
        expect(isPermission(value)).toBe(false);
      }
    });
  });

  describe('hasAllPermissions', () => {
    it('should require every listed permission', () => {
      expect(hasAllPermissions(['read:records', 'create:records'], ['read:records', 'create:records'])).toBe(true);
      expect(hasAllPermissions(['read:records'], ['read:records', 'create:records'])).toBe(false);
    });

    it('should match exactly, never by prefix or case', () => {
      expect(hasAllPermissions(['read:records:all', 'Read:Records'], ['read:records'])).toBe(false);
    });

    it('should grant a route that requires nothing', () => {
      expect(hasAllPermissions([], [])).toBe(true);
    });
  });
});
