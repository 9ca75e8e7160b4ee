import { PERMISSIONS, type RecordView, type RoleView } from '@steward/shared-domain';
import { accessTokenClaims, signJwt, tenantSigningKey, type SigningKey } from '@steward/testing-util';
import { randomBytes } from 'node:crypto';
import { stack } from '../support/stack';
import { ExchangeError, expectWellFormedAnswer } from './expectations';
import { FuzzApi } from './fuzz-api';
import type { RawRequest, RawResponse } from './raw-http';
import { isUserRoute, isWrite, type Route } from './routes';
import { TenantDirectory } from './tenant';

export interface RequestParts {
  /** Replaces the fixture id in the path; sent as is (no encoding). */
  id?: string;
  /** Appended after `?` as is. */
  query?: string;
  headers?: [string, string][];
  body?: string | Buffer;
  /** The whole Authorization header value; default: an admin's valid token. `null`: none. */
  authorization?: string | null;
}

/**
 * Everything a fuzz property needs: the API under test, tokens signed with the dev tenant's real
 * key, and fixtures (a record, a deletable record, a throwaway user) so that requests reach the
 * code behind the guards. `exchange` sends a request and checks what must hold after any request.
 */
export class FuzzWorld {
  readonly tenantUrl = stack().tenantUrl;
  readonly key: SigningKey = tenantSigningKey(stack().tenantDataDir);
  readonly directory = new TenantDirectory();
  recordId = '';
  deletableRecordId = '';
  userId = '';
  roleIds: string[] = [];
  private userState = '';
  private readonly createdUsers = new Set<string>();

  private constructor(readonly api: FuzzApi) {}

  static async start(): Promise<FuzzWorld> {
    const world = new FuzzWorld(await FuzzApi.start());
    try {
      await world.createFixtures();
    } catch (error) {
      await world.stop();
      throw error;
    }
    return world;
  }

  async stop(): Promise<void> {
    for (const id of this.createdUsers) await this.directory.delete(id);
    await this.api.stop();
  }

  /** Claims of a valid access token of an admin holding every permission, to be varied. */
  claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return accessTokenClaims(this.tenantUrl, {
      sub: 'auth0|fuzz-admin',
      permissions: [...PERMISSIONS],
      'https://steward.local/roles': ['admin'],
      ...overrides,
    });
  }

  sign(payload: unknown, header: Record<string, unknown> = {}): string {
    return signJwt(payload, this.key, header);
  }

  adminToken(): string {
    return this.sign(this.claims());
  }

  /** The route's path with a fixture id: writes on users aim at one nobody has, so the fixture stays. */
  pathOf(route: Route, id?: string): string {
    const fixture = route.path.startsWith('/api/records')
      ? /DELETE|POST/.test(route.method)
        ? this.deletableRecordId
        : this.recordId
      : route.method === 'DELETE'
        ? encodeURIComponent('auth0|fuzz-nobody')
        : encodeURIComponent(this.userId);
    return route.path.replace(':id', id ?? fixture);
  }

  async request(route: Route, parts: RequestParts = {}): Promise<RawRequest> {
    const authorization = parts.authorization === undefined ? `Bearer ${this.adminToken()}` : parts.authorization;
    const headers: [string, string][] = [...(authorization === null ? [] : [['authorization', authorization]])] as [
      string,
      string,
    ][];
    if (route.method === 'PATCH' && route.path.startsWith('/api/records'))
      headers.push(['if-match', `"${await this.api.versionOf(this.recordId)}"`]);
    if (parts.body !== undefined) headers.push(['content-type', 'application/json']);
    return {
      method: route.method,
      target: `${this.pathOf(route, parts.id)}${parts.query === undefined ? '' : `?${parts.query}`}`,
      headers: mergeHeaders(headers, parts.headers ?? []),
      body: parts.body,
    };
  }

  /**
   * Sends one request and checks what holds for any request (SPEC §10): a well-formed answer, the
   * API still alive, and — when a write was refused — nothing written: no record, history or audit
   * row, no revocation, no change to the fixture user in the directory.
   */
  async exchange(route: Route, request: RawRequest): Promise<RawResponse> {
    const before = isWrite(route) ? await this.api.databaseState() : undefined;
    const response = await this.api.send(request);
    await this.api.assertAlive();
    if (before && response.status >= 400) {
      const after = await this.api.databaseState();
      if (JSON.stringify(after) !== JSON.stringify(before))
        throw new ExchangeError(
          `a refused write changed the database:\n  before ${JSON.stringify(before)}\n  after  ${JSON.stringify(after)}`,
          request,
          response,
        );
    }
    if (isWrite(route) && isUserRoute(route)) await this.checkFixtureUser(route, request, response);
    expectWellFormedAnswer(request, response);
    return response;
  }

  private async checkFixtureUser(route: Route, request: RawRequest, response: RawResponse): Promise<void> {
    if (route.method === 'POST' && route.path === '/api/users' && response.status === 201) {
      const created = JSON.parse(response.body) as { user?: { id?: string } };
      if (created.user?.id) this.createdUsers.add(created.user.id);
    }
    if (!request.target.includes(encodeURIComponent(this.userId))) return;
    const now = await this.directory.stateOf(this.userId);
    if (response.status < 400) this.userState = now;
    else if (now !== this.userState)
      throw new ExchangeError(
        `a refused write changed the user in the directory:\n  before ${this.userState}\n  after  ${now}`,
        request,
        response,
      );
  }

  private async createFixtures(): Promise<void> {
    const admin = await this.request({ method: 'POST', path: '/api/records', needs: 'create:records' }, {});
    const create = async (title: string) => {
      const response = await this.api.send({
        ...admin,
        headers: [...admin.headers, ['content-type', 'application/json']],
        body: JSON.stringify({ title, status: 'draft', description: 'fuzz fixture', tags: ['fuzz'] }),
      });
      if (response.status !== 201) throw new Error(`fixture record: ${response.status} ${response.body}`);
      return (JSON.parse(response.body) as RecordView).id;
    };
    this.recordId = await create('Fuzz fixture');
    this.deletableRecordId = await create('Fuzz fixture to delete and restore');

    const user = await this.api.send({
      method: 'POST',
      target: '/api/users',
      headers: [...admin.headers, ['content-type', 'application/json']],
      body: JSON.stringify({ email: `fuzz-${randomBytes(4).toString('hex')}@steward.local`, name: 'Fuzz Target' }),
    });
    if (user.status !== 201) throw new Error(`fixture user: ${user.status} ${user.body}`);
    this.userId = (JSON.parse(user.body) as { user: { id: string } }).user.id;
    this.createdUsers.add(this.userId);
    this.userState = await this.directory.stateOf(this.userId);

    const roles = await this.api.send({ method: 'GET', target: '/api/roles', headers: admin.headers });
    this.roleIds = (JSON.parse(roles.body) as { items: RoleView[] }).items.map((role) => role.id);
  }
}

/** Later headers of the same name replace earlier ones, unless the caller sends duplicates on purpose. */
function mergeHeaders(base: [string, string][], extra: [string, string][]): [string, string][] {
  const replaced = new Set(extra.map(([name]) => name.toLowerCase()));
  return [...base.filter(([name]) => !replaced.has(name.toLowerCase())), ...extra];
}

/**
 * The world of the enclosing `describe`: started before its tests, stopped after them. The value
 * returned stands for it from the start, so generators and tests can close over it.
 */
export function useFuzzWorld(): FuzzWorld {
  let current: FuzzWorld | undefined;
  beforeAll(async () => {
    current = await FuzzWorld.start();
  }, 60_000);
  afterAll(async () => {
    await current?.stop();
  });
  return new Proxy({} as FuzzWorld, {
    get: (_target, name) => {
      if (!current) throw new Error('the fuzz world is used before it started');
      const value: unknown = Reflect.get(current, name, current);
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}
