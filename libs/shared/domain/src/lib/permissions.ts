/**
 * Every permission Steward knows. They are also the scopes of the Steward API in Auth0,
 * so these strings must match the tenant description (tools/auth0/tenant.yaml).
 */
export const PERMISSIONS = [
  'read:records',
  'create:records',
  'update:records',
  'delete:records',
  'read:users',
  'create:users',
  'update:users',
  'delete:users',
  'read:audit',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const known: ReadonlySet<string> = new Set(PERMISSIONS);

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && known.has(value);
}

/** True when every `required` permission is in `granted` (exact string match). */
export function hasAllPermissions(granted: Iterable<string>, required: readonly Permission[]): boolean {
  const set = granted instanceof Set ? granted : new Set(granted);
  return required.every((permission) => set.has(permission));
}
