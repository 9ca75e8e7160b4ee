import type { ConfigService } from '@nestjs/config';
import type { ApiConfig } from '@steward/api-config-util';
import { STEWARD_ROLE_PERMISSIONS, STEWARD_ROLES } from '@steward/shared-domain';
import { ManagementError, type ManagementClient } from 'auth0';

export const AUDIENCE = 'https://api.steward.local/';

interface TenantUser {
  user_id: string;
  email: string;
  name: string;
  blocked: boolean;
  roles: string[];
}

interface TenantRole {
  id: string;
  name: string;
  description: string;
  permissions: { permission_name: string; resource_server_identifier: string }[];
}

const grant = (names: readonly string[], audience = AUDIENCE) =>
  names.map((permission_name) => ({ permission_name, resource_server_identifier: audience }));

/**
 * An in-memory tenant behind the SDK methods `Auth0UserDirectory` calls (the shapes it reads, no
 * more), recording each call by method path — one per Management API request, as the dev tenant's
 * `/__dev/management-calls` would count them. Steward's four roles plus `billing` (another API's).
 */
export class FakeManagementClient {
  /** Method paths called, oldest first: `users.get`, `roles.permissions.list`, … */
  readonly calls: string[] = [];
  readonly users = new Map<string, TenantUser>();
  readonly roles: TenantRole[] = [
    ...STEWARD_ROLES.map((name) => ({
      id: `rol_${name}`,
      name,
      description: `${name} role`,
      permissions: grant(STEWARD_ROLE_PERMISSIONS[name]),
    })),
    {
      id: 'rol_billing',
      name: 'billing',
      description: 'Invoices',
      permissions: grant(['read:invoices'], 'https://x/'),
    },
  ];
  /** Calls of these method paths fail (a tenant that is down). */
  readonly failing = new Set<string>();

  add(id: string, roles: string[], blocked = false): void {
    this.users.set(id, { user_id: id, email: `${id.split('|')[1]}@x.test`, name: id, blocked, roles });
  }

  role(name: string): TenantRole {
    const role = this.roles.find((candidate) => candidate.name === name);
    if (!role) throw new Error(`no role ${name}`);
    return role;
  }

  /** Calls since the last `take()`, sorted (concurrent calls have no meaningful order). */
  take(): string[] {
    return this.calls.splice(0).sort();
  }

  client(): ManagementClient {
    const user = (id: string) => this.users.get(id) ?? notFound();
    const roleById = (id: string) => this.roles.find((role) => role.id === id) ?? notFound();
    const ref = ({ id, name, description }: TenantRole) => ({ id, name, description });
    const fake = {
      users: {
        list: this.answer('users.list', ({ page = 0, per_page = 50 }: { page?: number; per_page?: number }) => {
          const all = [...this.users.values()];
          return { data: all.slice(page * per_page, (page + 1) * per_page), response: { total: all.length } };
        }),
        get: this.answer('users.get', (id: string) => ({ ...user(id) })),
        update: this.answer('users.update', (id: string, changes: Partial<TenantUser>) => ({
          ...Object.assign(user(id), changes),
        })),
        roles: {
          list: this.answer('users.roles.list', (id: string) => ({ data: user(id).roles.map(roleById).map(ref) })),
          assign: this.answer('users.roles.assign', (id: string, { roles }: { roles: string[] }) => {
            user(id).roles.push(...roles.filter((role) => !user(id).roles.includes(role)));
          }),
          delete: this.answer('users.roles.delete', (id: string, { roles }: { roles: string[] }) => {
            user(id).roles = user(id).roles.filter((role) => !roles.includes(role));
          }),
        },
      },
      roles: {
        list: this.answer('roles.list', () => ({ data: this.roles.map(ref) })),
        permissions: {
          list: this.answer('roles.permissions.list', (id: string) => ({ data: [...roleById(id).permissions] })),
        },
        users: {
          list: this.answer('roles.users.list', (id: string) => ({
            data: [...this.users.values()].filter((member) => member.roles.includes(roleById(id).id)),
            hasNextPage: () => false,
          })),
        },
      },
    };
    return fake as unknown as ManagementClient;
  }

  private answer<A extends unknown[], R>(path: string, answer: (...args: A) => R): (...args: A) => Promise<R> {
    return async (...args: A) => {
      this.calls.push(path);
      await Promise.resolve(); // answered later, like a request
      if (this.failing.has(path)) throw new ManagementError({ message: 'Service Unavailable', statusCode: 503 });
      return answer(...args);
    };
  }
}

function notFound(): never {
  throw new ManagementError({ message: 'Not Found', statusCode: 404 });
}

/** The two settings `Auth0UserDirectory` reads, as Nest's `ConfigService` would give them. */
export function directoryConfig(rolesRefreshMs = 60_000): ConfigService<ApiConfig, true> {
  const values: Record<string, unknown> = { 'auth.audience': AUDIENCE, 'management.rolesRefreshMs': rolesRefreshMs };
  return { get: (key: string) => values[key] } as unknown as ConfigService<ApiConfig, true>;
}
