import { PERMISSIONS, type Permission } from './permissions';

/**
 * Steward's own roles and the permissions each carries, exactly as the tenant description
 * (tools/auth0/tenant.yaml) defines them. Only these roles are ever granted through Steward.
 */
export const STEWARD_ROLE_PERMISSIONS = {
  /** Every permission Steward knows. */
  admin: PERMISSIONS,
  support: ['read:records', 'create:records', 'update:records', 'read:users', 'update:users'],
  staff: ['read:records', 'create:records', 'update:records'],
  viewer: ['read:records'],
} as const satisfies Record<string, readonly Permission[]>;

export type StewardRole = keyof typeof STEWARD_ROLE_PERMISSIONS;

/** The names of Steward's own roles, in the tenant description's order. */
export const STEWARD_ROLES = Object.keys(STEWARD_ROLE_PERMISSIONS) as readonly StewardRole[];

/** The role that must always keep at least one unblocked member. */
export const ADMIN_ROLE: StewardRole = 'admin';

const names: ReadonlySet<string> = new Set(STEWARD_ROLES);

/** True for the name of one of Steward's own roles (exact match). */
export function isStewardRole(name: unknown): name is StewardRole {
  return typeof name === 'string' && names.has(name);
}
