import type { Permission, RoleView, UserDetail } from '@steward/shared-domain';

/**
 * Whether the API lets the signed-in user act on `user` at all (SPEC §5: they hold every permission
 * the user's roles carry). The API decides either way; this only hides what it would refuse.
 */
export function manageable(user: UserDetail): boolean {
  return user.canManage;
}

/** The permissions `role` carries that the signed-in user lacks: they may grant it only when there are none. */
export function missingPermissions(role: RoleView, held: ReadonlySet<Permission>): Permission[] {
  return role.permissions.filter((permission) => !held.has(permission));
}
