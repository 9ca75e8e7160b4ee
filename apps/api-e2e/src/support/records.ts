import {
  accessTokenClaims,
  passwordGrant,
  signJwt,
  startApi,
  tenantSigningKey,
  type RunningApi,
} from '@steward/testing-util';
import type { RecordView } from '@steward/shared-domain';
import { stack } from './stack';

export const DATABASES = ['mysql', 'sqlite'] as const;
export type DatabaseKind = (typeof DATABASES)[number];

/** Tokens of the seeded users, from the real dev tenant. */
export async function userTokens(): Promise<Record<'admin' | 'staff' | 'viewer', string>> {
  const { tenantUrl } = stack();
  const [admin, staff, viewer] = await Promise.all(
    ['admin', 'staff', 'viewer'].map(
      async (name) => (await passwordGrant(tenantUrl, `${name}@steward.local`)).access_token,
    ),
  );
  return { admin, staff, viewer };
}

/** A token signed with the dev tenant's real key for a member of `orgId` (the dev tenant has no Organizations). */
export function orgToken(
  orgId: string | undefined,
  permissions: string[],
  sub = `auth0|member-of-${orgId ?? 'none'}`,
): string {
  const { tenantUrl, tenantDataDir } = stack();
  return signJwt(accessTokenClaims(tenantUrl, { sub, org_id: orgId, permissions }), tenantSigningKey(tenantDataDir));
}

/** An API of its own against the suite's dev tenant, on a fresh database of the given kind. */
export function startRecordsApi(database: DatabaseKind | { url: string }): Promise<RunningApi> {
  return startApi({
    issuer: `${stack().tenantUrl}/`,
    database,
    env: { RATE_LIMIT_PER_USER: '100000', RATE_LIMIT_PER_ADDRESS: '100000', MANAGEMENT_BUDGET_PER_USER: '100000' },
  });
}

/** A small client for /api/records that keeps tests readable. */
export class RecordsClient {
  constructor(
    private readonly apiUrl: string,
    private readonly token: string,
  ) {}

  request(
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    return fetch(`${this.apiUrl}/api/records${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  }

  async create(input: Partial<RecordView> & { title: string }): Promise<RecordView> {
    const response = await this.request('', { method: 'POST', body: { status: 'draft', ...input } });
    if (response.status !== 201) throw new Error(`create failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as RecordView;
  }

  patch(id: string, body: unknown, ifMatch?: string): Promise<Response> {
    return this.request(`/${id}`, {
      method: 'PATCH',
      body,
      headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
    });
  }

  async list(query: Record<string, string | number> = {}): Promise<{ items: RecordView[]; nextCursor: string | null }> {
    const response = await this.request(
      `?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`,
    );
    if (response.status !== 200) throw new Error(`list failed: ${response.status} ${await response.text()}`);
    return response.json();
  }

  /** Every record of a listing, page by page. */
  async listAll(query: Record<string, string | number>): Promise<RecordView[]> {
    const all: RecordView[] = [];
    let cursor: string | null = null;
    do {
      const page = await this.list({ ...query, ...(cursor ? { cursor } : {}) });
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }
}
