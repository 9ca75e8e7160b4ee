import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ApiConfig } from '@steward/api-config-util';
import { RedisConnection } from '@steward/api-redis-data-access';
import { ManagementError, type ManagementClient } from 'auth0';
import { randomBytes } from 'node:crypto';
import { Auth0Roles } from './auth0-roles';
import { toProblem } from './management-errors';
import { RedisReadCache } from './redis-read-cache';
import { TtlCache, type ReadCache } from './ttl-cache';
import type { DirectoryRole, DirectoryUser, ReadOptions, RoleRef, UserDirectory } from './user-directory';

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

/** How long a user, or a user's roles, read from the Management API may be served again. */
const READ_CACHE_TTL_MS = 10_000;

/** A read cache shared by every instance in Redis when there is one, else this instance's own. */
function readCache<T>(redis: RedisConnection | null, name: string): ReadCache<T> {
  return redis
    ? new RedisReadCache<T>(redis, redis.key(`cache:${name}`), READ_CACHE_TTL_MS)
    : new TtlCache<T>(READ_CACHE_TTL_MS);
}

/** How many members of a role the last-admin check looks at before it refuses to decide (fails closed). */
const MAX_MEMBERS_CHECKED = 20;

/**
 * `UserDirectory` on the Auth0 Management API through the official SDK (which holds one cached
 * machine token and retries 429/5xx honouring Retry-After / X-RateLimit-Reset). User reads are
 * cached briefly (in Redis, for every instance, when REDIS_URL is set) and invalidated by writes,
 * before and after each, unless asked fresh; the role catalogue (shared through Redis too)
 * is loaded at start-up and refreshed in the background (see `Auth0Roles`), so a user detail view
 * costs two calls (the user, their roles) and a list view one. Every failure becomes a clean
 * problem. Each SDK method used needs the scope `MANAGEMENT_SCOPES` names for it.
 */
@Injectable()
export class Auth0UserDirectory implements UserDirectory, OnApplicationBootstrap, OnModuleDestroy {
  private readonly users: ReadCache<DirectoryUser>;
  private readonly userRoles: ReadCache<RoleRef[]>;
  private readonly tenantRoles: Auth0Roles;

  constructor(
    @Inject(AUTH0_MANAGEMENT) private readonly client: ManagementClient,
    config: ConfigService<ApiConfig, true>,
    @Optional() @Inject(RedisConnection) redis: RedisConnection | null = null,
  ) {
    this.users = readCache(redis, 'users');
    this.userRoles = readCache(redis, 'user-roles');
    const refreshMs = config.get('management.rolesRefreshMs', { infer: true });
    this.tenantRoles = new Auth0Roles(
      client,
      config.get('auth.audience', { infer: true }),
      { refreshMs, idleRefreshMs: 10 * refreshMs },
      undefined,
      redis ? new RedisReadCache(redis, redis.key('cache:roles'), refreshMs) : undefined,
    );
  }

  /** The API starts with the role catalogue loaded when the tenant answers within a few seconds. */
  onApplicationBootstrap(): Promise<void> {
    return this.tenantRoles.start();
  }

  onModuleDestroy(): void {
    this.tenantRoles.stop();
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

  async get(id: string, options: ReadOptions = {}): Promise<DirectoryUser> {
    if (options.fresh) await this.users.delete(id);
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

  update(id: string, changes: { name?: string; blocked?: boolean }): Promise<DirectoryUser> {
    return this.writing([this.users], id, async () =>
      toUser(await this.client.users.update(id, changes).catch(toProblem)),
    );
  }

  delete(id: string): Promise<void> {
    // Auth0 answers 204 for a user already gone.
    return this.writing([this.users, this.userRoles], id, async () => {
      await this.client.users.delete(id).catch(toProblem);
    });
  }

  roles(): Promise<DirectoryRole[]> {
    return this.tenantRoles.catalogue();
  }

  describeRoles(roles: RoleRef[]): Promise<DirectoryRole[]> {
    return this.tenantRoles.describe(roles);
  }

  async rolesOf(id: string, options: ReadOptions = {}): Promise<RoleRef[]> {
    if (options.fresh) await this.userRoles.delete(id);
    return this.userRoles.get(id, async () => {
      const page = await this.client.users.roles.list(id, { per_page: 100, include_totals: true }).catch(toProblem);
      return page.data.map((role) => ({
        id: role.id ?? '',
        name: role.name ?? '',
        description: role.description ?? '',
      }));
    });
  }

  assignRoles(id: string, roleIds: string[]): Promise<void> {
    return this.writing([this.userRoles], id, async () => {
      await this.client.users.roles.assign(id, { roles: roleIds }).catch(toProblem);
    });
  }

  removeRoles(id: string, roleIds: string[]): Promise<void> {
    return this.writing([this.userRoles], id, async () => {
      await this.client.users.roles.delete(id, { roles: roleIds }).catch(toProblem);
    });
  }

  /** Runs an upstream write of `id`, invalidating its cached reads before and after it (failed or not). */
  private async writing<T>(caches: ReadCache<unknown>[], id: string, write: () => Promise<T>): Promise<T> {
    const invalidate = () => Promise.all(caches.map((cache) => cache.delete(id)));
    await invalidate();
    try {
      return await write();
    } finally {
      await invalidate();
    }
  }

  async hasOtherUnblockedMember(roleId: string, exceptUserId: string): Promise<boolean> {
    // Each candidate is read by id: the search index lags behind changes, a user read does not.
    let page = await this.client.roles.users.list(roleId, { take: MAX_MEMBERS_CHECKED }).catch(toProblem);
    let checked = 0;
    for (;;) {
      for (const member of page.data) {
        if (!member.user_id || member.user_id === exceptUserId) continue;
        if (checked++ >= MAX_MEMBERS_CHECKED) return false;
        const user = await this.client.users.get(member.user_id).catch(gone);
        if (user && user.blocked !== true) return true;
      }
      if (!page.hasNextPage()) return false;
      page = await page.getNextPage().catch(toProblem);
    }
  }

  async passwordChangeTicket(id: string): Promise<string> {
    const { ticket } = await this.client.tickets
      .changePassword({ user_id: id, mark_email_as_verified: true })
      .catch(toProblem);
    return ticket ?? '';
  }
}

/** A member deleted meanwhile counts as no member; any other failure is a problem. */
function gone(error: unknown): undefined {
  if (error instanceof ManagementError && error.statusCode === 404) return undefined;
  return toProblem(error);
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
