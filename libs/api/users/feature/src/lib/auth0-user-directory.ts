import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ApiConfig } from '@steward/api-config-util';
import type { RoleView } from '@steward/shared-domain';
import type { ManagementClient } from 'auth0';
import { randomBytes } from 'node:crypto';
import { toProblem } from './management-errors';
import { TtlCache } from './ttl-cache';
import type { DirectoryRole, DirectoryUser, UserDirectory } from './user-directory';

/** Injection token of the configured `auth0` ManagementClient. */
export const AUTH0_MANAGEMENT = Symbol('Auth0Management');

const CONNECTION = 'Username-Password-Authentication';

/** Auth0 user fields Steward reads (a subset of the SDK's user shapes). */
interface Auth0User {
  user_id?: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  blocked?: boolean;
  last_login?: unknown;
  logins_count?: number;
  created_at?: unknown;
}

/**
 * `UserDirectory` on the Auth0 Management API through the official SDK (which holds one cached
 * machine token and retries 429/5xx honouring Retry-After / X-RateLimit-Reset). Reads are cached
 * briefly and invalidated by this instance's writes; every failure becomes a clean problem.
 */
@Injectable()
export class Auth0UserDirectory implements UserDirectory {
  private readonly users = new TtlCache<DirectoryUser>(10_000);
  private readonly userRoles = new TtlCache<RoleView[]>(10_000);
  private readonly allRoles = new TtlCache<DirectoryRole[]>(60_000, 1);
  private readonly audience: string;

  constructor(
    @Inject(AUTH0_MANAGEMENT) private readonly client: ManagementClient,
    config: ConfigService<ApiConfig, true>,
  ) {
    this.audience = config.get('auth.audience', { infer: true });
  }

  async search({ text, page, perPage }: { text?: string; page: number; perPage: number }) {
    const q = searchQuery(text);
    const result = await this.client.users
      .list({
        ...(q ? { q, search_engine: 'v3' } : {}),
        page,
        per_page: perPage,
        include_totals: true,
        sort: 'email:1',
      })
      .catch(toProblem);
    return { items: result.data.map(toUser), total: result.response.total ?? result.data.length };
  }

  get(id: string): Promise<DirectoryUser> {
    return this.users.get(id, async () => toUser(await this.client.users.get(id).catch(toProblem)));
  }

  async create({ email, name }: { email: string; name: string }): Promise<DirectoryUser> {
    // No password is chosen here: the new user sets one through the invitation (password-change) link.
    const password = `${randomBytes(24).toString('base64url')}aA1!`;
    return toUser(
      await this.client.users
        .create({ connection: CONNECTION, email, name, password, email_verified: false })
        .catch(toProblem),
    );
  }

  async update(id: string, changes: { name?: string; blocked?: boolean }): Promise<DirectoryUser> {
    this.users.delete(id);
    return toUser(await this.client.users.update(id, changes).catch(toProblem));
  }

  async delete(id: string): Promise<void> {
    this.users.delete(id);
    this.userRoles.delete(id);
    await this.client.users.delete(id).catch(toProblem);
  }

  roles(): Promise<DirectoryRole[]> {
    return this.allRoles.get('all', async () => {
      const page = await this.client.roles.list({ per_page: 100, include_totals: true }).catch(toProblem);
      return Promise.all(
        page.data.map(async (role) => {
          const permissions = await this.client.roles.permissions
            .list(role.id ?? '', { per_page: 100 })
            .catch(toProblem);
          return {
            id: role.id ?? '',
            name: role.name ?? '',
            description: role.description ?? '',
            permissions: permissions.data
              .filter((permission) => permission.resource_server_identifier === this.audience)
              .map((permission) => permission.permission_name ?? ''),
          };
        }),
      );
    });
  }

  rolesOf(id: string): Promise<RoleView[]> {
    return this.userRoles.get(id, async () => {
      const page = await this.client.users.roles.list(id, { per_page: 100, include_totals: true }).catch(toProblem);
      return page.data.map((role) => ({
        id: role.id ?? '',
        name: role.name ?? '',
        description: role.description ?? '',
      }));
    });
  }

  async assignRoles(id: string, roleIds: string[]): Promise<void> {
    this.userRoles.delete(id);
    await this.client.users.roles.assign(id, { roles: roleIds }).catch(toProblem);
  }

  async removeRoles(id: string, roleIds: string[]): Promise<void> {
    this.userRoles.delete(id);
    await this.client.users.roles.delete(id, { roles: roleIds }).catch(toProblem);
  }

  async countRoleMembers(roleId: string, upTo: number): Promise<number> {
    const page = await this.client.roles.users.list(roleId, { take: upTo }).catch(toProblem);
    return page.data.length;
  }

  async passwordChangeTicket(id: string): Promise<string> {
    const { ticket } = await this.client.tickets
      .changePassword({ user_id: id, mark_email_as_verified: true })
      .catch(toProblem);
    return ticket ?? '';
  }
}

/**
 * Free text → an Auth0 v3 query: each word must prefix the email or the name. Only letters, digits
 * and `@._+-` survive (no leading `+`/`-`, Lucene's must/must-not), so no caller can inject syntax.
 */
export function searchQuery(text: string | undefined): string | undefined {
  const words = (text ?? '')
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}@._+-]/gu, '').replace(/^[+-]+/, ''))
    .filter(Boolean)
    .slice(0, 5);
  if (words.length === 0) return undefined;
  return words.map((word) => `(email:${word}* OR name:${word}*)`).join(' AND ');
}

function toUser(user: Auth0User): DirectoryUser {
  return {
    id: user.user_id ?? '',
    email: user.email ?? '',
    name: user.name ?? '',
    blocked: user.blocked ?? false,
    emailVerified: user.email_verified ?? false,
    lastLogin: typeof user.last_login === 'string' ? user.last_login : null,
    loginsCount: user.logins_count ?? 0,
    createdAt: typeof user.created_at === 'string' ? user.created_at : '',
  };
}
