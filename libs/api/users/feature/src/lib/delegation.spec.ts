import type { Permission } from '@steward/shared-domain';
import { isManaged, managedRoles, refusalToGrant, refusalToManage, roleView } from './delegation';
import { TEST_ROLES } from './testing/fake-user-directory';
import type { DirectoryRole } from './user-directory';

const caller = (...permissions: Permission[]) => ({ permissions: new Set(permissions) });
const role = (name: string) => TEST_ROLES.find((candidate) => candidate.name === name) as DirectoryRole;
const ref = (name: string) => ({ id: role(name).id, name, description: '' });
/** `admin` as someone could leave it in the dashboard: also granting another API's permission. */
const taintedAdmin: DirectoryRole = { ...role('admin'), foreign: true };

describe('delegation', () => {
  describe('isManaged', () => {
    it("should accept Steward's roles only while they carry nothing foreign", () => {
      expect(isManaged(role('support'))).toBe(true);
      expect(isManaged(role('billing'))).toBe(false);
      expect(isManaged(role('auditor'))).toBe(false);
      expect(isManaged(taintedAdmin)).toBe(false);
      expect(isManaged(undefined)).toBe(false);
    });
  });

  describe('managedRoles', () => {
    it("should keep Steward's roles in order", () => {
      expect(managedRoles(TEST_ROLES).map((r) => r.name)).toEqual(['admin', 'support', 'staff', 'viewer']);
      expect(managedRoles([taintedAdmin, role('viewer')]).map((r) => r.name)).toEqual(['viewer']);
    });
  });

  describe('refusalToManage', () => {
    it('should allow a caller holding every permission of the roles', () => {
      expect(
        refusalToManage(caller('read:records', 'create:records', 'update:records'), [ref('staff')], TEST_ROLES),
      ).toBeNull();
      expect(refusalToManage(caller(), [], TEST_ROLES)).toBeNull();
    });

    it('should name the permissions the caller lacks, once each, sorted', () => {
      expect(refusalToManage(caller('read:records'), [ref('staff'), ref('viewer')], TEST_ROLES)).toBe(
        'You cannot manage this user: their roles carry permissions you do not hold (create:records, update:records).',
      );
    });

    it('should refuse roles missing from the catalogue or not managed by Steward', () => {
      const everything = caller('read:records', 'read:audit');
      expect(refusalToManage(everything, [{ id: 'rol_gone', name: 'ghost', description: '' }], TEST_ROLES)).toMatch(
        /ghost role, which Steward does not manage/,
      );
      expect(refusalToManage(everything, [ref('admin')], [taintedAdmin])).toMatch(/admin role, which Steward does not/);
    });
  });

  describe('refusalToGrant', () => {
    it('should allow a role whose permissions the caller holds', () => {
      expect(refusalToGrant(caller('read:records'), role('viewer'))).toBeNull();
    });

    it('should refuse a role above the caller, naming what is missing', () => {
      expect(refusalToGrant(caller('read:records'), role('staff'))).toBe(
        'You cannot grant the staff role: it carries permissions you do not hold (create:records, update:records).',
      );
    });

    it("should never grant a role that is not Steward's, even one carrying no permission of ours", () => {
      expect(refusalToGrant(caller('read:audit'), role('billing'))).toMatch(/not one of Steward's roles/);
      expect(refusalToGrant(caller('read:audit'), role('auditor'))).toMatch(/not one of Steward's roles/);
    });
  });

  describe('roleView', () => {
    it('should show a role unknown to the catalogue with no permissions', () => {
      expect(roleView({ id: 'rol_x', name: 'x', description: 'd' }, TEST_ROLES)).toEqual({
        id: 'rol_x',
        name: 'x',
        description: 'd',
        permissions: [],
      });
    });
  });
});
