import { stableId } from '../stable-ids';
import type { ApiDescription, RoleDescription } from '../tenant-description';

/** A role as the Management API returns it. */
export interface Auth0Role {
  id: string;
  name: string;
  description: string;
}

/** A permission of a role as the Management API returns it. */
export interface Auth0RolePermission {
  permission_name: string;
  description: string;
  resource_server_identifier: string;
  resource_server_name: string;
}

/** The roles of tenant.yaml with Auth0-style ids (`rol_` + 16 characters) derived from their names. */
export class TenantRoles {
  readonly all: Auth0Role[];
  private readonly permissions = new Map<string, Auth0RolePermission[]>();

  constructor(roles: RoleDescription[], apis: ApiDescription[] = []) {
    this.all = roles.map((role) => ({
      id: stableId('rol_', role.name),
      name: role.name,
      description: role.description,
    }));
    roles.forEach((role, index) => {
      this.permissions.set(
        this.all[index].id,
        role.permissions.map(({ permission, audience }) => {
          const api = apis.find((candidate) => candidate.identifier === audience);
          return {
            permission_name: permission,
            description: api?.scopeDescriptions[permission] ?? '',
            resource_server_identifier: audience,
            resource_server_name: api?.name ?? audience,
          };
        }),
      );
    });
  }

  byId(id: string): Auth0Role | undefined {
    return this.all.find((role) => role.id === id);
  }

  /** The tenant's roles among `names`, in tenant order (unknown names are left out). */
  named(names: string[]): Auth0Role[] {
    return this.all.filter((role) => names.includes(role.name));
  }

  /** The permissions a role grants, on every API. */
  permissionsOf(id: string): Auth0RolePermission[] {
    return (this.permissions.get(id) ?? []).map((permission) => ({ ...permission }));
  }
}
