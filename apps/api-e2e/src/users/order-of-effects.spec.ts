import type { AuditEventView, CursorPage } from '@steward/shared-domain';
import { passwordGrant, type RunningApi } from '@steward/testing-util';
import { stack } from '../support/stack';
import { managementFaults, startUsersApi, userPath, UsersApi } from './users-api';

const { tenantUrl } = stack();

/** Revocation before the upstream call, an audit row that is never lost, and ids we can trust. */
describe('Users: order of effects and audit', () => {
  let api: RunningApi;
  let users: UsersApi;
  const auditOf = async (targetId: string) => {
    const page = (await (await users.call(users.adminToken, '/audit?limit=100')).json()) as CursorPage<AuditEventView>;
    return page.items.filter((event) => event.targetId === targetId);
  };

  beforeAll(async () => {
    api = await startUsersApi(tenantUrl);
    users = new UsersApi(api.url, tenantUrl, (await passwordGrant(tenantUrl, 'admin@steward.local')).access_token);
  });

  afterEach(async () => {
    await managementFaults(tenantUrl, null);
  });

  afterAll(async () => {
    await api?.stop();
  });

  describe('when Auth0 fails the block itself', () => {
    it('should answer 503, leave the user unblocked and able to work, and audit the attempt as failed', async () => {
      const { id, email } = await users.invite(['staff']);
      const theirs = await users.tokenOf(email);
      // Only PATCH calls fail: the reads that check the rules go through, the change itself does not.
      await managementFaults(tenantUrl, { status: 503, count: 3, method: 'PATCH' });
      const response = await users.call(users.adminToken, userPath(id), { method: 'PATCH', body: { blocked: true } });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBeTruthy();
      await managementFaults(tenantUrl, null);
      expect((await users.detail(id)).blocked).toBe(false);
      expect((await users.call(theirs, '/me')).status).toBe(200);
      expect((await auditOf(id)).map((event) => `${event.action} ${event.outcome}`)).toEqual([
        'user.blocked failed',
        'user.roles_changed succeeded',
        'user.created succeeded',
      ]);
    }, 30_000);
  });

  describe('when Auth0 fails a delete', () => {
    it('should answer 503 and keep the user, still able to work', async () => {
      const { id, email } = await users.invite(['viewer']);
      const theirs = await users.tokenOf(email);
      await managementFaults(tenantUrl, { status: 503, count: 3, method: 'DELETE' });
      expect((await users.call(users.adminToken, userPath(id), { method: 'DELETE' })).status).toBe(503);
      await managementFaults(tenantUrl, null);
      expect((await users.call(users.adminToken, userPath(id))).status).toBe(200);
      expect((await users.call(theirs, '/me')).status).toBe(200);
    }, 30_000);
  });

  describe('a repeated delete', () => {
    it('should answer 204 again for a user already gone, who stays locked out', async () => {
      const { id, email } = await users.invite(['viewer']);
      const theirs = await users.tokenOf(email);
      expect((await users.call(users.adminToken, userPath(id), { method: 'DELETE' })).status).toBe(204);
      expect((await users.call(users.adminToken, userPath(id), { method: 'DELETE' })).status).toBe(204);
      expect((await users.call(theirs, '/me')).status).toBe(401);
      expect((await auditOf(id)).map((event) => `${event.action} ${event.outcome}`).slice(0, 2)).toEqual([
        'user.deleted succeeded',
        'user.deleted succeeded',
      ]);
    });
  });

  describe('request ids', () => {
    it("should store our own request id, and the caller's X-Request-Id only as the correlation id", async () => {
      const { id } = await users.invite();
      const response = await users.call(users.adminToken, userPath(id), {
        method: 'PATCH',
        body: { name: 'Traced' },
        headers: { 'x-request-id': 'caller-trace-42' },
      });
      expect(response.status).toBe(200);
      const [event] = await auditOf(id);
      expect(event).toMatchObject({ action: 'user.updated', outcome: 'succeeded', correlationId: 'caller-trace-42' });
      expect(event.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(event.requestId).not.toBe('caller-trace-42');
    });

    it('should store no correlation id for an unusable one', async () => {
      const { id } = await users.invite();
      await users.call(users.adminToken, userPath(id), {
        method: 'PATCH',
        body: { name: 'Traced' },
        headers: { 'x-request-id': 'not ok; <script>' },
      });
      expect((await auditOf(id))[0]).toMatchObject({ action: 'user.updated', correlationId: null });
    });
  });
});
