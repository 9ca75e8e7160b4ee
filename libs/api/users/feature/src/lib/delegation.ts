import type { AuthenticatedUser } from '@steward/api-auth-feature';
import { isStewardRole, type Permission, type RoleView } from '@steward/shared-domain';
import type { DirectoryRole, RoleRef } from './user-directory';

/** Who is asking: the permissions of their token are all that counts. */
export type Caller = Pick<AuthenticatedUser, 'permissions'>;

/** Whether Steward manages the role: one of its own roles (by name) carrying nothing of other APIs. */
export function isManaged(role: DirectoryRole | undefined): boolean {
  return role !== undefined && isStewardRole(role.name) && !role.foreign;
}

/** Steward's own roles among the tenant's, in the catalogue's order. */
export function managedRoles(catalogue: DirectoryRole[]): DirectoryRole[] {
  return catalogue.filter(isManaged);
}

/** A role a user holds, shown with the Steward permissions it carries ([] for a role Steward does not know). */
export function roleView(ref: RoleRef, catalogue: DirectoryRole[]): RoleView {
  const role = catalogue.find((candidate) => candidate.id === ref.id);
  return { id: ref.id, name: ref.name, description: ref.description, permissions: role?.permissions ?? [] };
}

/**
 * Why the caller may not act on a user holding `held` (edit, block, unblock, reset the password,
 * delete, change roles), or null when they may: the caller must hold every permission those roles
 * carry (as `known` describes them: read fresh for a decision), and a role Steward does not manage
 * (or that `known` lacks) carries permissions nobody can hold here.
 */
export function refusalToManage(caller: Caller, held: RoleRef[], known: DirectoryRole[]): string | null {
  const byId = new Map(known.map((role) => [role.id, role]));
  const unmanaged = held.filter((ref) => !isManaged(byId.get(ref.id)));
  if (unmanaged.length > 0)
    return `You cannot manage this user: they hold the ${names(unmanaged)} role, which Steward does not manage.`;
  const missing = lacking(
    caller,
    held.flatMap((ref) => byId.get(ref.id)?.permissions ?? []),
  );
  if (missing.length > 0)
    return `You cannot manage this user: their roles carry permissions you do not hold (${missing.join(', ')}).`;
  return null;
}

/** Why the caller may not grant `role`, or null: only Steward's roles, only with permissions the caller holds. */
export function refusalToGrant(caller: Caller, role: DirectoryRole): string | null {
  if (!isManaged(role)) return `The ${role.name} role is not one of Steward's roles, so it cannot be granted here.`;
  const missing = lacking(caller, role.permissions);
  if (missing.length > 0)
    return `You cannot grant the ${role.name} role: it carries permissions you do not hold (${missing.join(', ')}).`;
  return null;
}

function lacking(caller: Caller, needed: Permission[]): Permission[] {
  return [...new Set(needed)].filter((permission) => !caller.permissions.has(permission)).sort();
}

function names(roles: RoleRef[]): string {
  return roles.map((role) => role.name).join(', ');
}
