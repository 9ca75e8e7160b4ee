import type { UserDetail } from '@steward/shared-domain';
import { passwordGrant, type RunningApi } from '@steward/testing-util';
import { within } from '../support/http';
import { startPrivateTenant, type PrivateTenant } from './private-tenant';
import { startUsersApi, userPath, UsersApi } from './users-api';

const ANN = 'ann@steward.local';
const BEN = 'ben@steward.local';

/**
 * The last unblocked admin stays, also when two admins act on each other at the same moment through
 * two API instances sharing one MariaDB database (so only the database lock can serialize them).
 * On a tenant of its own, where Ann and Ben are the only admins.
 */
describe('Last admin', () => {
  let tenant: PrivateTenant;
  let first: RunningApi;
  let second: RunningApi;
  let annApi: UsersApi;
  let benApi: UsersApi;
  let ids: Record<string, string>;

  const tokenOf = async (email: string) => (await passwordGrant(tenant.url, email)).access_token;
  /**
   * Ann acts through the first instance, Ben through the second, with fresh tokens that both
   * instances accept (each learns of the previous round's revocations within about 2 s).
   */
  const actors = async () => {
    const [ann, ben] = [await tokenOf(ANN), await tokenOf(BEN)];
    annApi = new UsersApi(first.url, tenant.url, ann);
    benApi = new UsersApi(second.url, tenant.url, ben);
    for (const api of [annApi, benApi])
      for (const token of [ann, ben]) await within(5_000, async () => (await api.call(token, '/me')).status === 200);
  };
  /** Fires both requests at the same moment; exactly one may win. */
  const race = async (
    request: (api: UsersApi, target: string) => Promise<Response>,
  ): Promise<{ winner: UsersApi; loserEmail: string }> => {
    const [byAnn, byBen] = await Promise.all([request(annApi, ids[BEN]), request(benApi, ids[ANN])]);
    const statuses = [byAnn.status, byBen.status];
    expect(statuses.filter((status) => status < 300)).toHaveLength(1);
    // The loser is refused by the rule (409), or — revoked by then — by its token (401).
    expect([409, 401]).toContain(statuses.find((status) => status >= 300));
    return byAnn.status < 300 ? { winner: annApi, loserEmail: BEN } : { winner: benApi, loserEmail: ANN };
  };
  const unblockedAdmins = async (reader: UsersApi) => {
    const details = await Promise.all(
      [ANN, BEN].map(async (email) => (await reader.call(reader.adminToken, userPath(ids[email]))).json()),
    );
    return (details as (UserDetail & { status?: number })[])
      .filter((detail) => !detail.status && !detail.blocked && detail.roles.some((role) => role.name === 'admin'))
      .map((detail) => detail.email);
  };

  beforeAll(async () => {
    tenant = await startPrivateTenant([
      { email: ANN, name: 'Ann Admin', roles: ['admin'] },
      { email: BEN, name: 'Ben Admin', roles: ['admin'] },
    ]);
    first = await startUsersApi(tenant.url);
    second = await startUsersApi(tenant.url, { database: { url: first.databaseUrl } });
    await actors();
    ids = { [ANN]: await annApi.idOf(ANN), [BEN]: await annApi.idOf(BEN) };
  }, 60_000);

  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    await tenant?.stop();
  });

  it('should let exactly one of two admins blocking each other succeed', async () => {
    const { winner, loserEmail } = await race((api, target) =>
      api.call(api.adminToken, userPath(target), { method: 'PATCH', body: { blocked: true } }),
    );
    expect(await unblockedAdmins(winner)).toHaveLength(1);
    const unblock = await winner.call(winner.adminToken, userPath(ids[loserEmail]), {
      method: 'PATCH',
      body: { blocked: false },
    });
    expect(unblock.status).toBe(200);
    expect(await unblockedAdmins(winner)).toHaveLength(2);
  });

  it('should let exactly one of two admins demoting each other succeed', async () => {
    await actors();
    const { winner, loserEmail } = await race((api, target) =>
      api.call(api.adminToken, `${userPath(target)}/roles`, { method: 'PUT', body: { roles: [] } }),
    );
    expect(await unblockedAdmins(winner)).toHaveLength(1);
    const regrant = await winner.call(winner.adminToken, `${userPath(ids[loserEmail])}/roles`, {
      method: 'PUT',
      body: { roles: [await winner.roleId('admin')] },
    });
    expect(regrant.status).toBe(200);
  });

  it('should let exactly one of two admins deleting each other succeed, and the survivor keeps working', async () => {
    await actors();
    const { winner, loserEmail } = await race((api, target) =>
      api.call(api.adminToken, userPath(target), { method: 'DELETE' }),
    );
    expect((await winner.call(winner.adminToken, userPath(ids[loserEmail]))).status).toBe(404);
    expect((await winner.call(winner.adminToken, '/me')).status).toBe(200);
    const survivor = (await (await winner.call(winner.adminToken, '/me')).json()) as { email: string };
    expect((await winner.detail(ids[survivor.email])).blocked).toBe(false);
  });
});
