/**
 * The Management API scope each SDK method `Auth0UserDirectory` calls needs, by method path on the
 * `ManagementClient`. The machine-to-machine client's grant in tools/auth0/tenant.yaml must be
 * exactly these scopes: nothing missing, nothing extra (its spec checks both ways).
 */
export const MANAGEMENT_SCOPES: Readonly<Record<string, string>> = {
  'users.list': 'read:users',
  'users.get': 'read:users',
  'users.create': 'create:users',
  'users.update': 'update:users',
  'users.delete': 'delete:users',
  'users.roles.list': 'read:roles',
  'users.roles.assign': 'create:role_members',
  'users.roles.delete': 'delete:role_members',
  'roles.list': 'read:roles',
  'roles.permissions.list': 'read:roles',
  'roles.users.list': 'read:role_members',
  'tickets.changePassword': 'create:user_tickets',
};
