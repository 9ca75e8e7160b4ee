import { TenantRoles } from './tenant-roles';

const ROLES = [
  { name: 'admin', description: 'Admins', permissions: [] },
  { name: 'staff', description: 'Staff', permissions: [] },
];

describe('TenantRoles', () => {
  it('should give each role an Auth0-style id that survives a restart', () => {
    const roles = new TenantRoles(ROLES);
    expect(roles.all).toEqual([
      { id: expect.stringMatching(/^rol_[A-Za-z0-9]{16}$/), name: 'admin', description: 'Admins' },
      { id: expect.stringMatching(/^rol_[A-Za-z0-9]{16}$/), name: 'staff', description: 'Staff' },
    ]);
    expect(new TenantRoles([...ROLES].reverse()).byId(roles.all[0].id)?.name).toBe('admin');
    expect(roles.all[0].id).not.toBe(roles.all[1].id);
  });

  it('should find roles by id and by name, in tenant order, leaving unknown ones out', () => {
    const roles = new TenantRoles(ROLES);
    expect(roles.byId('rol_0000000000000000')).toBeUndefined();
    expect(roles.named(['staff', 'ghost', 'admin']).map((role) => role.name)).toEqual(['admin', 'staff']);
  });

  it('should list the permissions of a role with the API name and the scope description', () => {
    const roles = new TenantRoles(
      [
        {
          name: 'reader',
          description: '',
          permissions: [
            { permission: 'read:records', audience: 'https://api/' },
            { permission: 'x', audience: 'https://other/' },
          ],
        },
      ],
      [
        {
          identifier: 'https://api/',
          name: 'The API',
          scopes: ['read:records'],
          scopeDescriptions: { 'read:records': 'Read records' },
          tokenLifetime: 60,
          allowOfflineAccess: false,
        },
      ],
    );
    expect(roles.permissionsOf(roles.all[0].id)).toEqual([
      {
        permission_name: 'read:records',
        description: 'Read records',
        resource_server_identifier: 'https://api/',
        resource_server_name: 'The API',
      },
      {
        permission_name: 'x',
        description: '',
        resource_server_identifier: 'https://other/',
        resource_server_name: 'https://other/',
      },
    ]);
    expect(roles.permissionsOf('rol_unknown')).toEqual([]);
  });
});
