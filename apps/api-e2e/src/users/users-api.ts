import type { RoleView, UserDetail, UserPage } from '@steward/shared-domain';
import { passwordGrant, signJwt, startApi, tenantSigningKey, type RunningApi } from '@steward/testing-util';
import { randomBytes } from 'node:crypto';
import { bearer } from '../support/http';

/** The password invited users set from their invitation link. */
export const PASSWORD = 'a-new-password-1';

/** An API of its own on a fresh MariaDB database, with budgets far above what a suite spends. */
export function startUsersApi(
  tenantUrl: string,
  options: { env?: Record<string, string>; database?: 'mysql' | { url: string } } = {},
): Promise<RunningApi> {
  return startApi({
    issuer: `${tenantUrl}/`,
    database: options.database ?? 'mysql',
    env: {
      RATE_LIMIT_PER_USER: '100000',
      RATE_LIMIT_PER_ADDRESS: '100000',
      MANAGEMENT_BUDGET_PER_USER: '100000',
      ...options.env,
    },
  });
}

/** A small client for the user routes of one API, with an admin token for setting the scene. */
export class UsersApi {
  private roles: RoleView[] = [];

  constructor(
    readonly apiUrl: string,
    readonly tenantUrl: string,
    readonly adminToken: string,
  ) {}

  call(
    token: string,
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    return fetch(`${this.apiUrl}/api${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...bearer(token),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  }

  async idOf(email: string): Promise<string> {
    const page = (await (await this.call(this.adminToken, `/users?q=${encodeURIComponent(email)}`)).json()) as UserPage;
    const user = page.items.find((item) => item.email === email);
    if (!user) throw new Error(`no user ${email}`);
    return user.id;
  }

  async roleId(name: string): Promise<string> {
    if (this.roles.length === 0)
      this.roles = ((await (await this.call(this.adminToken, '/roles')).json()) as { items: RoleView[] }).items;
    const role = this.roles.find((candidate) => candidate.name === name);
    if (!role) throw new Error(`no role ${name}`);
    return role.id;
  }

  async detail(id: string): Promise<UserDetail> {
    return (await this.call(this.adminToken, userPath(id))).json() as Promise<UserDetail>;
  }

  /** Creates a user through the API, sets their password from the invitation, and gives them roles. */
  async invite(roleNames: string[] = []): Promise<{ id: string; email: string }> {
    const email = `user-${randomBytes(4).toString('hex')}@steward.local`;
    const response = await this.call(this.adminToken, '/users', {
      method: 'POST',
      body: { email, name: 'New Person' },
    });
    if (response.status !== 201) throw new Error(`invite failed: ${response.status} ${await response.text()}`);
    const { user, invitationUrl } = (await response.json()) as { user: UserDetail; invitationUrl: string };
    await setPassword(invitationUrl, PASSWORD);
    if (roleNames.length > 0) {
      const roles = await Promise.all(roleNames.map((name) => this.roleId(name)));
      const set = await this.call(this.adminToken, `${userPath(user.id)}/roles`, { method: 'PUT', body: { roles } });
      if (set.status !== 200) throw new Error(`roles failed: ${set.status} ${await set.text()}`);
    }
    return { id: user.id, email };
  }

  /** A fresh access token of an invited user. */
  async tokenOf(email: string): Promise<string> {
    return (await passwordGrant(this.tenantUrl, email, { password: PASSWORD })).access_token;
  }
}

export const userPath = (id: string) => `/users/${encodeURIComponent(id)}`;

/** Sets a password through a password-change ticket, as the user would on the tenant's page. */
export async function setPassword(ticketUrl: string, password: string): Promise<void> {
  const set = await fetch(ticketUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ password, ticket: new URL(ticketUrl).searchParams.get('ticket') ?? '' }),
  });
  if (set.status >= 400) throw new Error(`setting the password failed: ${set.status}`);
}

/** Arms (or, with null, clears) the dev tenant's forced Management API failures. */
export function managementFaults(
  tenantUrl: string,
  fault: { status: 429 | 503; count: number; method?: string } | null,
): Promise<Response> {
  return fetch(`${tenantUrl}/__dev/management-faults`, {
    method: fault ? 'POST' : 'DELETE',
    headers: { 'content-type': 'application/json' },
    body: fault ? JSON.stringify(fault) : undefined,
  });
}

/**
 * What the tenant itself says happened to a user through its Management API (its `sapi` log
 * descriptions, oldest first), read with a log-reader token signed by the tenant's key.
 */
export async function managementLog(tenantUrl: string, tenantDataDir: string, userId: string): Promise<string[]> {
  const now = Math.floor(Date.now() / 1000);
  const token = signJwt(
    {
      iss: `${tenantUrl}/`,
      sub: 'log-reader@clients',
      aud: `https://${new URL(tenantUrl).host}/api/v2/`,
      azp: 'log-reader',
      gty: 'client-credentials',
      scope: 'read:logs',
      iat: now,
      exp: now + 300,
    },
    tenantSigningKey(tenantDataDir),
  );
  const response = await fetch(
    `${tenantUrl}/api/v2/users/${encodeURIComponent(userId)}/logs?per_page=100&sort=date:1`,
    {
      headers: bearer(token),
    },
  );
  if (response.status !== 200) throw new Error(`logs failed: ${response.status} ${await response.text()}`);
  const entries = (await response.json()) as { type: string; description?: string }[];
  return entries.filter((entry) => entry.type === 'sapi').map((entry) => entry.description ?? '');
}
