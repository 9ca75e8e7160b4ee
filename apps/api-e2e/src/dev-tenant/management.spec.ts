import { Management, ManagementClient, ManagementError } from 'auth0';
import { passwordGrant, signJwt, tenantSigningKey, type TokenResponse } from '@steward/testing-util';
import { stack } from '../support/stack';

const { tenantUrl, tenantDataDir } = stack();
const host = new URL(tenantUrl).host;
const MANAGEMENT_AUDIENCE = `https://${host}/api/v2/`;
const CONNECTION = 'Username-Password-Authentication';

/** Every URL the SDK fetched, to count calls and retries. */
const fetched: string[] = [];

/** The SDK speaks HTTPS only; the dev tenant listens on plain HTTP on localhost. */
const devFetch: typeof fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  fetched.push(url);
  return fetch(url.replace(`https://${host}/`, `http://${host}/`), init);
};

function managementClient(
  credentials: { token: string } | { clientId: string; clientSecret: string } = {
    clientId: 'steward-management',
    clientSecret: 'dev-tenant-fixture-management-secret',
  },
): ManagementClient {
  return new ManagementClient({ domain: host, ...credentials, fetch: devFetch });
}

/** A token the tenant could have issued to a machine client with only these scopes. */
function machineToken(scope: string): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    {
      iss: `${tenantUrl}/`,
      sub: 'limited@clients',
      aud: MANAGEMENT_AUDIENCE,
      azp: 'limited',
      gty: 'client-credentials',
      scope,
      iat: now,
      exp: now + 600,
    },
    tenantSigningKey(tenantDataDir),
  );
}

function payload(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());
}

function refresh(refreshToken: string): Promise<Response> {
  return fetch(`${tenantUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', client_id: 'steward-cli', refresh_token: refreshToken }),
  });
}

function faults(init: { method: 'POST' | 'DELETE' | 'GET'; body?: unknown }): Promise<Response> {
  return fetch(`${tenantUrl}/__dev/management-faults`, {
    method: init.method,
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** The error a call fails with. */
async function failure(call: Promise<unknown>): Promise<ManagementError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ManagementError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('Management API v2 (driven by the real auth0 SDK)', () => {
  const management = managementClient();
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const domain = `${run}.example.test`;
  const created: string[] = [];

  async function createUser(
    local: string,
    extra: Partial<Management.CreateUserRequestContent> = {},
  ): Promise<Management.CreateUserResponseContent> {
    const user = await management.users.create({ connection: CONNECTION, email: `${local}@${domain}`, ...extra });
    if (user.user_id) created.push(user.user_id);
    return user;
  }

  async function userIdOf(email: string): Promise<string> {
    const page = await management.users.list({ q: `email:"${email}"`, search_engine: 'v3' });
    const userId = page.data[0]?.user_id;
    if (!userId) throw new Error(`no user ${email}`);
    return userId;
  }

  async function roleId(name: string): Promise<string> {
    const page = await management.roles.list({ name_filter: name });
    const id = page.data.find((role) => role.name === name)?.id;
    if (!id) throw new Error(`no role ${name}`);
    return id;
  }

  beforeEach(async () => {
    await faults({ method: 'DELETE' });
  });

  afterAll(async () => {
    await faults({ method: 'DELETE' });
    for (const userId of created) await management.users.delete(userId);
  });

  describe('users', () => {
    it('should create a user shaped like Auth0, and get it back', async () => {
      const user = await createUser('ada', {
        name: 'Ada Lovelace',
        password: 'analytical engine',
        app_metadata: { team: 'math' },
      });
      expect(user).toEqual({
        user_id: expect.stringMatching(/^auth0\|[0-9a-f]{24}$/),
        email: `ada@${domain}`,
        email_verified: false,
        name: 'Ada Lovelace',
        nickname: 'ada',
        picture: expect.stringMatching(/^data:image\//),
        blocked: false,
        created_at: expect.any(String),
        updated_at: expect.any(String),
        logins_count: 0,
        identities: [
          { connection: CONNECTION, provider: 'auth0', user_id: user.user_id?.slice('auth0|'.length), isSocial: false },
        ],
        app_metadata: { team: 'math' },
        user_metadata: {},
      });
      expect(await management.users.get(user.user_id ?? '')).toEqual(user);
      expect(await management.users.listUsersByEmail({ email: `ADA@${domain}` })).toEqual([user]);
    });

    it("should refuse a duplicate email with Auth0's 409 as the SDK's ConflictError", async () => {
      await createUser('twin');
      const error = await failure(management.users.create({ connection: CONNECTION, email: `TWIN@${domain}` }));
      expect(error).toBeInstanceOf(Management.ConflictError);
      expect(error.statusCode).toBe(409);
      expect(error.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'The user already exists.',
        errorCode: 'auth0_idp_error',
      });
    });

    it("should answer an unknown user with Auth0's 404 as the SDK's NotFoundError", async () => {
      const error = await failure(management.users.get('auth0|000000000000000000000000'));
      expect(error).toBeInstanceOf(Management.NotFoundError);
      expect(error.statusCode).toBe(404);
      expect(error.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'The user does not exist.',
        errorCode: 'inexistent_user',
      });
    });

    it('should search with q (v3), page, and report totals', async () => {
      for (const [local, name] of [
        ['p1', 'Paging One'],
        ['p2', 'Paging Two'],
        ['p3', 'Paging Three'],
      ]) {
        await createUser(`page-${local}`, { name });
      }
      const first = await management.users.list({
        q: `email.domain:"${domain}" AND name:paging*`,
        search_engine: 'v3',
        per_page: 2,
        page: 0,
        include_totals: true,
        sort: 'email:1',
      });
      expect(first.response).toMatchObject({ start: 0, limit: 2, length: 2, total: 3 });
      expect(first.data.map((user) => user.email)).toEqual([`page-p1@${domain}`, `page-p2@${domain}`]);
      expect(first.hasNextPage()).toBe(true);
      const second = await first.getNextPage();
      expect(second.data.map((user) => user.email)).toEqual([`page-p3@${domain}`]);
      expect(second.response).toMatchObject({ start: 2, limit: 2, length: 1, total: 3 });

      const phrase = await management.users.list({
        q: `name:"PAGING TWO" OR email:PAGE-P3@${domain.toUpperCase()}`,
        search_engine: 'v3',
        sort: 'email:-1',
      });
      expect(phrase.data.map((user) => user.name)).toEqual(['Paging Three', 'Paging Two']);
      const excluded = await management.users.list({
        q: `email.domain:"${domain}" AND name:paging* AND NOT name:"paging one"`,
        search_engine: 'v3',
      });
      expect(excluded.response.total).toBe(2);
    });

    it('should refuse unsupported search syntax and pages beyond 1 000 records as BadRequestError', async () => {
      const syntax = await failure(management.users.list({ q: 'logins_count:[1 TO 5]', search_engine: 'v3' }));
      expect(syntax).toBeInstanceOf(Management.BadRequestError);
      expect(syntax.body).toMatchObject({ statusCode: 400, error: 'Bad Request', errorCode: 'invalid_query_string' });
      const window = await failure(management.users.list({ per_page: 100, page: 10 }));
      expect(window.statusCode).toBe(400);
      expect(window.body).toMatchObject({
        message: expect.stringContaining('You can only page through the first 1000 records'),
      });
      expect((await failure(management.users.list({ per_page: 101 }))).statusCode).toBe(400);
    });

    it('should update the name and the blocked flag', async () => {
      const user = await createUser('editable', { name: 'Before' });
      const updated = await management.users.update(user.user_id ?? '', {
        name: 'After',
        blocked: true,
        user_metadata: { theme: 'dark' },
      });
      expect(updated).toMatchObject({
        user_id: user.user_id,
        name: 'After',
        blocked: true,
        user_metadata: { theme: 'dark' },
      });
      expect(await management.users.get(user.user_id ?? '')).toMatchObject({ name: 'After', blocked: true });
      const unblocked = await management.users.update(user.user_id ?? '', {
        blocked: false,
        user_metadata: { theme: null },
      });
      expect(unblocked).toMatchObject({ blocked: false, user_metadata: {} });
      expect((await failure(management.users.update('auth0|000000000000000000000000', { name: 'x' }))).statusCode).toBe(
        404,
      );
    });

    it('should delete a user, and take a second delete calmly, like Auth0', async () => {
      const user = await createUser('doomed');
      await management.users.delete(user.user_id ?? '');
      expect(await failure(management.users.get(user.user_id ?? ''))).toBeInstanceOf(Management.NotFoundError);
      await expect(management.users.delete(user.user_id ?? '')).resolves.toBeUndefined();
    });
  });

  describe('roles', () => {
    it("should list the tenant's roles with Auth0-style ids, filtered by name", async () => {
      const all = await management.roles.list({ include_totals: true });
      expect(all.data.map((role) => role.name)).toEqual(['admin', 'support', 'staff', 'viewer']);
      expect(all.response).toMatchObject({ start: 0, limit: 50, total: 4 });
      for (const role of all.data)
        expect(role).toEqual({
          id: expect.stringMatching(/^rol_[A-Za-z0-9]{16}$/),
          name: role.name,
          description: expect.any(String),
        });
      expect((await management.roles.list({ name_filter: 'STA' })).data.map((role) => role.name)).toEqual(['staff']);
    });

    it("should list a role's permissions on the Steward API", async () => {
      const permissions = await management.roles.permissions.list(await roleId('staff'), { per_page: 100 });
      expect(permissions.data.map((permission) => permission.permission_name).sort()).toEqual([
        'create:records',
        'read:records',
        'update:records',
      ]);
      expect(permissions.data[0]).toEqual({
        permission_name: expect.any(String),
        description: expect.any(String),
        resource_server_identifier: 'https://api.steward.local/',
        resource_server_name: 'Steward API',
      });
    });

    it("should page through a role's members with checkpoints", async () => {
      const first = await management.roles.users.list(await roleId('admin'), { take: 1 });
      expect(first.data).toEqual([
        {
          user_id: await userIdOf('admin@steward.local'),
          email: 'admin@steward.local',
          name: 'Ada Admin',
          picture: expect.any(String),
        },
      ]);
      const user = await createUser('second-admin');
      await management.users.roles.assign(user.user_id ?? '', { roles: [await roleId('admin')] });
      const members = [];
      for await (const member of await management.roles.users.list(await roleId('admin'), { take: 1 }))
        members.push(member.email);
      expect(members).toEqual(expect.arrayContaining(['admin@steward.local', `second-admin@${domain}`]));
      expect(new Set(members).size).toBe(members.length);
      await management.users.roles.delete(user.user_id ?? '', { roles: [await roleId('admin')] });
    });

    it("should assign, list and remove a user's roles", async () => {
      const user = await createUser('roles');
      const [staff, viewer] = [await roleId('staff'), await roleId('viewer')];
      await management.users.roles.assign(user.user_id ?? '', { roles: [staff, viewer] });
      const assigned = await management.users.roles.list(user.user_id ?? '', { include_totals: true });
      expect(assigned.data.map((role) => role.name)).toEqual(['staff', 'viewer']);
      expect(assigned.response).toMatchObject({ start: 0, limit: 50, total: 2 });
      await management.users.roles.delete(user.user_id ?? '', { roles: [viewer] });
      expect((await management.users.roles.list(user.user_id ?? '')).data.map((role) => role.name)).toEqual(['staff']);

      const unknown = await failure(
        management.users.roles.assign(user.user_id ?? '', { roles: ['rol_0000000000000000'] }),
      );
      expect(unknown.statusCode).toBe(404);
      expect(await failure(management.users.roles.assign(user.user_id ?? '', { roles: ['staff'] }))).toBeInstanceOf(
        Management.BadRequestError,
      );
    });
  });

  describe('tickets and logs', () => {
    it('should create a password-change ticket on the tenant', async () => {
      const user = await createUser('ticket');
      const { ticket } = await management.tickets.changePassword({
        user_id: user.user_id,
        result_url: 'http://localhost:4200/',
        ttl_sec: 600,
      });
      expect(ticket).toMatch(new RegExp(`^${tenantUrl}/lo/reset\\?ticket=[\\w-]+$`));
      expect((await fetch(ticket ?? '')).status).toBe(200);
    });

    it("should list a user's log entries, newest first, with Auth0's fields", async () => {
      const user = await createUser('logged', { password: 'log me in please' });
      await passwordGrant(tenantUrl, `logged@${domain}`, { password: 'log me in please' });
      await expect(passwordGrant(tenantUrl, `logged@${domain}`, { password: 'wrong password' })).rejects.toThrow(
        'Wrong email or password.',
      );
      await management.users.update(user.user_id ?? '', { name: 'Logged' });

      // Steward's own client is not granted the log scopes (least privilege): read them as a log reader.
      const logReader = managementClient({ token: machineToken('read:logs') });
      await expect(management.users.logs.list(user.user_id ?? '')).rejects.toMatchObject({ statusCode: 403 });
      const logs = await logReader.users.logs.list(user.user_id ?? '', {
        sort: 'date:-1',
        include_totals: true,
        per_page: 10,
      });
      expect(logs.data.map((entry) => entry.type)).toEqual(['sapi', 'fp', 's', 'sapi']);
      expect(logs.response).toMatchObject({ start: 0, limit: 10, length: 4, total: 4 });
      expect(logs.data[2]).toMatchObject({
        log_id: expect.any(String),
        date: expect.any(String),
        type: 's',
        client_id: 'steward-cli',
        client_name: 'Steward CLI (dev only)',
        ip: expect.any(String),
        user_id: user.user_id,
        user_name: `logged@${domain}`,
        connection: CONNECTION,
      });
      expect(logs.data[0]).toMatchObject({
        type: 'sapi',
        description: 'Update a User',
        client_id: 'steward-management',
      });
      const oldest = await logReader.users.logs.list(user.user_id ?? '', { sort: 'date:1', per_page: 1 });
      expect(oldest.data.map((entry) => entry.description)).toEqual(['Create a User']);
    });
  });

  describe('authorization, rate limits and faults', () => {
    it('should refuse a missing or foreign token with 401', async () => {
      for (const authorization of [
        undefined,
        'Bearer not.a.token',
        `Bearer ${(await passwordGrant(tenantUrl, 'admin@steward.local')).access_token}`,
      ]) {
        const response = await fetch(`${tenantUrl}/api/v2/users`, { headers: authorization ? { authorization } : {} });
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual({
          statusCode: 401,
          error: 'Unauthorized',
          message: 'Invalid token',
          errorCode: 'invalid_token',
        });
      }
      const error = await failure(managementClient({ token: 'bogus' }).users.list());
      expect(error).toBeInstanceOf(Management.UnauthorizedError);
    });

    it('should refuse a token without the scope an endpoint needs with 403 as ForbiddenError', async () => {
      const limited = managementClient({ token: machineToken('read:roles') });
      expect((await limited.roles.list()).data.length).toBe(4);
      const error = await failure(limited.users.list());
      expect(error).toBeInstanceOf(Management.ForbiddenError);
      expect(error.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: 'Insufficient scope, expected any of: read:users',
        errorCode: 'insufficient_scope',
      });
    });

    it('should send the rate-limit headers with every answer', async () => {
      const { rawResponse } = await management.users.get(await userIdOf('admin@steward.local')).withRawResponse();
      const page = await management.users.list({ per_page: 1 });
      for (const headers of [rawResponse.headers, page.rawResponse.headers]) {
        expect(Number(headers.get('x-ratelimit-limit'))).toBeGreaterThan(0);
        expect(Number(headers.get('x-ratelimit-remaining'))).toBeGreaterThanOrEqual(0);
        const reset = Number(headers.get('x-ratelimit-reset'));
        expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) - 1);
        expect(reset).toBeLessThan(Date.now() / 1000 + 3600);
      }
    });

    it("should let the SDK's own retry get past a forced 429", async () => {
      const adminId = await userIdOf('admin@steward.local');
      expect((await faults({ method: 'POST', body: { status: 429, count: 1 } })).status).toBe(200);
      const before = fetched.length;
      const admin = await management.users.get(adminId);
      expect(admin.email).toBe('admin@steward.local');
      expect(fetched.slice(before).filter((url) => url.includes('/api/v2/users/')).length).toBeGreaterThanOrEqual(2);
      expect(await (await faults({ method: 'GET' })).json()).toMatchObject({ status: null, remaining: 0 });
    });

    it('should surface a forced 503 as ServiceUnavailableError when retries run out', async () => {
      const adminId = await userIdOf('admin@steward.local');
      await faults({ method: 'POST', body: { status: 503, count: 1 } });
      const error = await failure(management.users.list({}, { maxRetries: 0 }));
      expect(error).toBeInstanceOf(Management.ServiceUnavailableError);
      expect(error.statusCode).toBe(503);
      expect(error.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
      await faults({ method: 'POST', body: { status: 429, count: 1 } });
      const limited = await failure(management.users.get(adminId, {}, { maxRetries: 0 }));
      expect(limited).toBeInstanceOf(Management.TooManyRequestsError);
      expect(limited.body).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'Global limit has been reached',
        errorCode: 'too_many_requests',
      });
      expect(limited.rawResponse?.headers.get('retry-after')).toBe('1');
    });
  });

  describe('sign-in sees Management API changes', () => {
    it('should invite a user (ticket), let them sign in, follow role changes, then block and delete them', async () => {
      const email = `invited@${domain}`;
      const user = await createUser('invited', { name: 'Ivy Invited' });
      const userId = user.user_id ?? '';
      // Created without a password: nobody can sign in until the ticket is used.
      await expect(passwordGrant(tenantUrl, email, { password: '' })).rejects.toThrow();

      const { ticket } = await management.tickets.changePassword({
        user_id: userId,
        result_url: 'http://localhost:4200/welcome',
        mark_email_as_verified: true,
      });
      const form = await fetch(ticket ?? '');
      expect(form.status).toBe(200);
      const html = await form.text();
      const action = new URL(/<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? '', ticket);
      const hidden = Object.fromEntries(
        [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
      );
      const submitted = await fetch(action, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...hidden, newPassword: 'invited and in', confirmNewPassword: 'invited and in' }),
        redirect: 'manual',
      });
      expect(submitted.status).toBe(303);
      expect(submitted.headers.get('location')).toMatch(/^http:\/\/localhost:4200\/welcome\?success=true/);
      expect(await management.users.get(userId)).toMatchObject({ email_verified: true });

      const first: TokenResponse = await passwordGrant(tenantUrl, email, { password: 'invited and in' });
      expect(payload(first.access_token)).toMatchObject({
        sub: userId,
        permissions: [],
        'https://steward.local/roles': [],
      });
      expect(await management.users.get(userId)).toMatchObject({ logins_count: 1, last_login: expect.any(String) });

      await management.users.roles.assign(userId, { roles: [await roleId('staff')] });
      const second = await passwordGrant(tenantUrl, email, { password: 'invited and in' });
      expect(payload(second.access_token)['permissions']).toEqual(expect.arrayContaining(['create:records']));
      expect(payload(second.access_token)['https://steward.local/roles']).toEqual(['staff']);
      const refreshed = await refresh(first.refresh_token ?? '');
      expect(refreshed.status).toBe(200);
      const rotated = (await refreshed.json()) as TokenResponse;
      expect(payload(rotated.access_token)['permissions']).toEqual(expect.arrayContaining(['create:records']));

      await management.users.update(userId, { blocked: true });
      await expect(passwordGrant(tenantUrl, email, { password: 'invited and in' })).rejects.toThrow('user is blocked');
      const refusedRefresh = await refresh(rotated.refresh_token ?? '');
      expect(refusedRefresh.status).toBe(400);
      expect(await refusedRefresh.json()).toEqual({ error: 'invalid_grant', error_description: 'user is blocked' });

      await management.users.update(userId, { blocked: false });
      const again = await passwordGrant(tenantUrl, email, { password: 'invited and in' });
      await management.users.delete(userId);
      await expect(passwordGrant(tenantUrl, email, { password: 'invited and in' })).rejects.toThrow(
        'Wrong email or password.',
      );
      const deletedRefresh = await refresh(again.refresh_token ?? '');
      expect(deletedRefresh.status).toBe(400);
      expect((await deletedRefresh.json()).error).toBe('invalid_grant');
    });
  });
});
