import express from 'express';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Accounts } from '../accounts';
import { passwordResetRoutes } from '../password-reset-routes';
import { PasswordTickets } from '../password-tickets';
import { DATABASE_CONNECTION_ID } from '../stable-ids';
import type { RoleDescription } from '../tenant-description';
import { devFaultRoutes, ManagementFaults } from './faults';
import { managementRouter } from './management-router';
import { TokenBucket } from './rate-limits';
import { TenantRoles } from './tenant-roles';

const ISSUER = 'http://localhost:4600/';
const AUDIENCE = 'https://localhost:4600/api/v2/';
const ALL_SCOPES =
  'read:users create:users update:users delete:users read:roles create:role_members delete:role_members create:user_tickets read:logs';
const ROLES: RoleDescription[] = [
  { name: 'admin', description: 'Admins', permissions: [{ permission: 'read:users', audience: 'https://api/' }] },
  { name: 'staff', description: 'Staff', permissions: [] },
];

describe('Management API (in process)', () => {
  let server: Server;
  let base: string;
  let privateKey: CryptoKey;
  let publicJwk: JWK;
  let accounts: Accounts;
  let tickets: PasswordTickets;
  let faults: ManagementFaults;
  let bucket: TokenBucket;
  let now: number;
  let token: string;

  async function sign(
    claims: Record<string, unknown>,
    options: { issuer?: string; audience?: string } = {},
  ): Promise<string> {
    return new SignJWT({ gty: 'client-credentials', azp: 'steward-management', scope: ALL_SCOPES, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'test' })
      .setIssuer(options.issuer ?? ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setSubject('steward-management@clients')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
  }

  function call(
    path: string,
    init: { method?: string; body?: unknown; raw?: string; token?: string | null } = {},
  ): Promise<Response> {
    const bearer = init.token === undefined ? token : init.token;
    return fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...(init.body !== undefined || init.raw !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
      redirect: 'manual',
    });
  }

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'test', alg: 'RS256', use: 'sig' };
  });

  beforeEach(async () => {
    now = Date.now();
    accounts = new Accounts(
      [
        { email: 'admin@steward.local', name: 'Ada Admin', roles: ['admin'] },
        { email: 'viewer@steward.local', name: 'Vic Viewer', roles: [] },
      ],
      'password1',
      ROLES,
    );
    tickets = new PasswordTickets(() => now);
    faults = new ManagementFaults();
    // The bucket's clock stands still unless a test moves it, so draining it is deterministic.
    bucket = new TokenBucket(1000, 1000, () => now);
    const app = express();
    app.use(
      '/api/v2',
      managementRouter({
        issuer: ISSUER,
        audiences: [AUDIENCE, 'https://127.0.0.1:4600/api/v2/'],
        publicKeys: { keys: [publicJwk] },
        accounts,
        roles: new TenantRoles(ROLES),
        tickets,
        clientNames: new Map([['steward-management', 'Steward Management']]),
        rateLimit: bucket,
        faults,
      }),
    );
    app.use(passwordResetRoutes(accounts, tickets));
    app.use(devFaultRoutes(faults));
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    token = await sign({});
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const adminId = () => accounts.findByEmail('admin@steward.local')?.userId ?? '';

  describe('authentication', () => {
    const invalidToken = {
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Invalid token',
      errorCode: 'invalid_token',
    };

    it('should refuse a request without a token, or with a token not for this API', async () => {
      const tokens = [
        null,
        'not-a-jwt',
        await sign({}, { audience: 'https://api.steward.local/' }),
        await sign({}, { issuer: 'http://elsewhere/' }),
        await sign({ gty: undefined }),
      ];
      for (const bearer of tokens) {
        const response = await call('/api/v2/users', { token: bearer });
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual(invalidToken);
      }
    });

    it('should refuse a token signed with another key', async () => {
      const { privateKey: otherKey } = await generateKeyPair('RS256');
      const forged = await new SignJWT({ gty: 'client-credentials', azp: 'x', scope: ALL_SCOPES })
        .setProtectedHeader({ alg: 'RS256', kid: 'test' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setExpirationTime('1h')
        .sign(otherKey);
      expect((await call('/api/v2/users', { token: forged })).status).toBe(401);
    });

    it('should accept the 127.0.0.1 audience too', async () => {
      expect(
        (await call('/api/v2/users', { token: await sign({}, { audience: 'https://127.0.0.1:4600/api/v2/' }) })).status,
      ).toBe(200);
    });

    it('should answer 403 with the scopes an endpoint expects', async () => {
      token = await sign({ scope: 'read:roles' });
      const response = await call('/api/v2/users');
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: 'Insufficient scope, expected any of: read:users',
        errorCode: 'insufficient_scope',
      });
      const logs = await call(`/api/v2/users/${encodeURIComponent(adminId())}/logs`);
      expect((await logs.json()).message).toBe('Insufficient scope, expected any of: read:logs,read:logs_users');
      expect((await call('/api/v2/roles')).status).toBe(200);
    });
  });

  describe('rate limits and faults', () => {
    it('should put the rate-limit headers on every response, refusals included', async () => {
      for (const response of [
        await call('/api/v2/roles'),
        await call('/api/v2/roles', { token: null }),
        await call('/api/v2/nowhere'),
      ]) {
        expect(response.headers.get('x-ratelimit-limit')).toBe('1000');
        expect(Number(response.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(990);
        expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
      }
    });

    it("should answer Auth0's 429 once the bucket is empty", async () => {
      while (bucket.take().allowed) {
        /* drain */
      }
      const response = await call('/api/v2/roles');
      expect(response.status).toBe(429);
      expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(await response.json()).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'Global limit has been reached',
        errorCode: 'too_many_requests',
      });
    });

    it('should force the next N calls to fail through /__dev/management-faults, then recover', async () => {
      const armed = await fetch(`${base}/__dev/management-faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: 429, count: 2, retryAfter: 2 }),
      });
      expect(await armed.json()).toEqual({ status: 429, remaining: 2, retryAfter: 2 });
      for (let i = 0; i < 2; i += 1) {
        const response = await call('/api/v2/roles');
        expect(response.status).toBe(429);
        expect(response.headers.get('retry-after')).toBe('2');
        expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
        expect((await response.json()).errorCode).toBe('too_many_requests');
      }
      expect((await call('/api/v2/roles')).status).toBe(200);

      faults.arm(503, 1);
      const unavailable = await call('/api/v2/roles');
      expect(unavailable.status).toBe(503);
      expect(await unavailable.json()).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: expect.any(String),
      });
    });

    it('should clear faults and refuse a bad fault request', async () => {
      faults.arm(503, 10);
      expect((await fetch(`${base}/__dev/management-faults`, { method: 'DELETE' })).status).toBe(204);
      expect((await call('/api/v2/roles')).status).toBe(200);
      const bad = await fetch(`${base}/__dev/management-faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: 500, count: 1 }),
      });
      expect(bad.status).toBe(400);
    });
  });

  describe('request bodies and unknown routes', () => {
    it('should answer malformed JSON with invalid_body and an oversized body with 413', async () => {
      const malformed = await call('/api/v2/users', { method: 'POST', raw: '{"email": ' });
      expect(malformed.status).toBe(400);
      expect((await malformed.json()).errorCode).toBe('invalid_body');
      const huge = await call('/api/v2/users', { method: 'POST', raw: JSON.stringify({ name: 'x'.repeat(70_000) }) });
      expect(huge.status).toBe(413);
    });

    it('should answer an unknown Management API path with a 404 body', async () => {
      const response = await call('/api/v2/clients');
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'Not Found' });
    });
  });

  describe('users', () => {
    it('should list with totals, a search and a sort', async () => {
      const response = await call(
        '/api/v2/users?q=email.domain%3Asteward.local&sort=email%3A-1&include_totals=true&per_page=1&search_engine=v3',
      );
      expect(await response.json()).toEqual({
        start: 0,
        limit: 1,
        length: 1,
        total: 2,
        users: [
          expect.objectContaining({
            email: 'viewer@steward.local',
            identities: [expect.objectContaining({ provider: 'auth0' })],
          }),
        ],
      });
      const plain = await (await call('/api/v2/users?page=1&per_page=1&sort=email%3A-1&fields=email,user_id')).json();
      expect(plain).toEqual([{ email: 'admin@steward.local', user_id: adminId() }]);
    });

    it('should look a user up by email, case-insensitively', async () => {
      expect(await (await call('/api/v2/users-by-email?email=ADMIN%40steward.local')).json()).toEqual([
        expect.objectContaining({ user_id: adminId() }),
      ]);
      expect(await (await call('/api/v2/users-by-email?email=nobody%40steward.local')).json()).toEqual([]);
      expect((await call('/api/v2/users-by-email')).status).toBe(400);
    });

    it('should refuse an unsupported query or search engine', async () => {
      for (const query of ['q=app_metadata.plan%3Agold', 'search_engine=v2', 'sort=blocked%3A1', 'per_page=500']) {
        const response = await call(`/api/v2/users?${query}`);
        expect(response.status).toBe(400);
        expect((await response.json()).errorCode).toBe('invalid_query_string');
      }
    });

    it('should validate a new user like Auth0', async () => {
      const refusals: [unknown, number, string][] = [
        [{ email: 'a@example.com' }, 400, 'invalid_body'],
        [{ connection: 'Other', email: 'a@example.com' }, 400, 'inexistent_connection'],
        [{ connection: 'Username-Password-Authentication' }, 400, 'invalid_body'],
        [{ connection: 'Username-Password-Authentication', email: 'not an email' }, 400, 'invalid_body'],
        [
          { connection: 'Username-Password-Authentication', email: 'a@example.com', password: 'short' },
          400,
          'invalid_password',
        ],
        [{ connection: 'Username-Password-Authentication', email: 'a@example.com', surprise: 1 }, 400, 'invalid_body'],
        [
          { connection: 'Username-Password-Authentication', email: 'a@example.com', blocked: 'yes' },
          400,
          'invalid_body',
        ],
        [{ connection: 'Username-Password-Authentication', email: 'ADMIN@steward.local' }, 409, 'auth0_idp_error'],
      ];
      for (const [body, status, errorCode] of refusals) {
        const response = await call('/api/v2/users', { method: 'POST', body });
        expect({ body, status: response.status, errorCode: (await response.json()).errorCode }).toEqual({
          body,
          status,
          errorCode,
        });
      }
      expect(accounts.list()).toHaveLength(2);
    });

    it('should update metadata one level deep and record a sapi log entry', async () => {
      const path = `/api/v2/users/${encodeURIComponent(adminId())}`;
      await call(path, { method: 'PATCH', body: { app_metadata: { plan: { tier: 'gold' }, team: 'a' } } });
      const response = await call(path, {
        method: 'PATCH',
        body: { app_metadata: { team: null, plan: { seats: 2 } }, name: 'Ada' },
      });
      expect(await response.json()).toMatchObject({ name: 'Ada', app_metadata: { plan: { seats: 2 } } });
      expect((await call(path, { method: 'PATCH', body: {} })).status).toBe(400);
      expect((await call(path, { method: 'PATCH', body: { picture: 'https://x/y.png' } })).status).toBe(400);
      const logs = await (await call(`${path}/logs?include_totals=true`)).json();
      expect(logs).toMatchObject({ start: 0, limit: 50, length: 2, total: 2 });
      expect(logs.logs[0]).toMatchObject({
        type: 'sapi',
        description: 'Update a User',
        client_id: 'steward-management',
        client_name: 'Steward Management',
      });
    });
  });

  describe('roles', () => {
    const roleIds = () => new TenantRoles(ROLES).all.map((role) => role.id);

    it("should list a role's permissions", async () => {
      const response = await call(`/api/v2/roles/${roleIds()[0]}/permissions?include_totals=true`);
      expect(await response.json()).toEqual({
        permissions: [
          {
            permission_name: 'read:users',
            description: '',
            resource_server_identifier: 'https://api/',
            resource_server_name: 'https://api/',
          },
        ],
        start: 0,
        limit: 50,
        total: 1,
      });
      expect((await call('/api/v2/roles/rol_0000000000000000/permissions')).status).toBe(404);
    });

    it("should page a role's members with checkpoints (from/take) or offsets", async () => {
      accounts.assignRoles(accounts.findByEmail('viewer@steward.local')?.userId ?? '', ['admin']);
      const first = await (await call(`/api/v2/roles/${roleIds()[0]}/users?take=1`)).json();
      expect(first).toEqual({
        users: [expect.objectContaining({ email: 'admin@steward.local', user_id: adminId() })],
        next: expect.any(String),
      });
      const second = await (await call(`/api/v2/roles/${roleIds()[0]}/users?take=1&from=${first.next}`)).json();
      expect(second).toEqual({ users: [expect.objectContaining({ email: 'viewer@steward.local' })] });
      const offset = await (
        await call(`/api/v2/roles/${roleIds()[0]}/users?include_totals=true&per_page=1&page=1`)
      ).json();
      expect(offset).toMatchObject({
        start: 1,
        limit: 1,
        total: 2,
        users: [expect.objectContaining({ email: 'viewer@steward.local' })],
      });
      expect((await call(`/api/v2/roles/${roleIds()[1]}/users?take=101`)).status).toBe(400);
    });
  });

  describe('roles of a user', () => {
    it('should refuse malformed and unknown role ids', async () => {
      const path = `/api/v2/users/${encodeURIComponent(adminId())}/roles`;
      const malformed = await call(path, { method: 'POST', body: { roles: ['staff'] } });
      expect(malformed.status).toBe(400);
      expect((await call(path, { method: 'POST', body: { roles: [] } })).status).toBe(400);
      expect((await call(path, { method: 'POST', body: {} })).status).toBe(400);
      const unknown = await call(path, { method: 'POST', body: { roles: ['rol_0000000000000000'] } });
      expect(unknown.status).toBe(404);
      expect((await call('/api/v2/users/auth0%7Cnobody/roles')).status).toBe(404);
    });
  });

  describe('password-change tickets and the /lo/reset page', () => {
    async function ticketFor(body: Record<string, unknown>): Promise<string> {
      const response = await call('/api/v2/tickets/password-change', { method: 'POST', body });
      expect(response.status).toBe(201);
      const { ticket } = await response.json();
      expect(ticket).toMatch(/^http:\/\/localhost:4600\/lo\/reset\?ticket=[\w-]{32}$/);
      return new URL(ticket).searchParams.get('ticket') ?? '';
    }

    const reset = (ticket: string, password: string, confirmation = password) =>
      fetch(`${base}/lo/reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ticket, newPassword: password, confirmNewPassword: confirmation }),
        redirect: 'manual',
      });

    it('should set the password once, then redirect to the result URL', async () => {
      const viewer = accounts.findByEmail('viewer@steward.local');
      await call(`/api/v2/users/${encodeURIComponent(viewer?.userId ?? '')}`, {
        method: 'PATCH',
        body: { email_verified: false },
      });
      const ticket = await ticketFor({
        user_id: viewer?.userId,
        result_url: 'http://localhost:4200/signed-in',
        mark_email_as_verified: true,
        includeEmailInRedirect: true,
      });

      const form = await fetch(`${base}/lo/reset?ticket=${ticket}`);
      expect(form.status).toBe(200);
      const html = await form.text();
      expect(html).toContain('viewer@steward.local');
      expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=/);
      expect((await reset(ticket, 'short')).status).toBe(400);
      expect((await reset(ticket, 'long enough', 'different')).status).toBe(400);

      const done = await reset(ticket, 'long enough');
      expect(done.status).toBe(303);
      const location = new URL(done.headers.get('location') ?? '');
      expect(`${location.origin}${location.pathname}`).toBe('http://localhost:4200/signed-in');
      expect(Object.fromEntries(location.searchParams)).toMatchObject({
        success: 'true',
        email: 'viewer@steward.local',
      });
      expect(accounts.authenticate('viewer@steward.local', 'long enough').ok).toBe(true);
      expect(accounts.findByEmail('viewer@steward.local')?.emailVerified).toBe(true);
      expect((await reset(ticket, 'another one')).status).toBe(404);
      expect((await fetch(`${base}/lo/reset?ticket=${ticket}`)).status).toBe(404);
    });

    it('should also take a plain password field, with the ticket in the query string', async () => {
      const ticket = await ticketFor({ user_id: adminId() });
      const done = await fetch(`${base}/lo/reset?ticket=${ticket}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ password: 'plain field works' }),
      });
      expect(done.status).toBe(200);
      expect(accounts.authenticate('admin@steward.local', 'plain field works').ok).toBe(true);
    });

    it('should find the user by email and connection id, and expire tickets after ttl_sec', async () => {
      const ticket = await ticketFor({
        email: 'viewer@steward.local',
        connection_id: DATABASE_CONNECTION_ID,
        ttl_sec: 60,
      });
      now += 61_000;
      expect((await fetch(`${base}/lo/reset?ticket=${ticket}`)).status).toBe(404);
      expect((await reset(ticket, 'long enough')).status).toBe(404);
    });

    it('should refuse a ticket for an unknown user, or without a user', async () => {
      const unknown = await call('/api/v2/tickets/password-change', {
        method: 'POST',
        body: { user_id: 'auth0|nobody' },
      });
      expect(unknown.status).toBe(404);
      expect((await call('/api/v2/tickets/password-change', { method: 'POST', body: {} })).status).toBe(400);
      expect(
        (
          await call('/api/v2/tickets/password-change', {
            method: 'POST',
            body: { user_id: adminId(), result_url: 'javascript:alert(1)' },
          })
        ).status,
      ).toBe(400);
    });

    it('should invalidate the tickets of a deleted user', async () => {
      const ticket = await ticketFor({ user_id: adminId() });
      expect((await call(`/api/v2/users/${encodeURIComponent(adminId())}`, { method: 'DELETE' })).status).toBe(204);
      expect((await fetch(`${base}/lo/reset?ticket=${ticket}`)).status).toBe(404);
    });
  });
});
