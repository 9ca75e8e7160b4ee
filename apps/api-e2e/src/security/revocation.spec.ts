import { passwordGrant } from '@steward/testing-util';
import { createConnection } from 'mysql2/promise';
import { stack } from '../support/stack';
import { bearer, expectRefusal, within } from '../support/http';

const { tenantUrl, apiUrl, databaseUrl } = stack();

/**
 * SPEC §4 rule 8: a subject revoked by any API instance loses access on every instance within
 * 5 seconds. The test writes the revocation straight into the shared database, as another instance
 * would, and watches this instance pick it up.
 */
describe('Immediate lock-out', () => {
  const me = (token: string) => fetch(`${apiUrl}/api/me`, { headers: bearer(token) });

  it("should refuse a revoked subject's still-valid token within 5 s, and let it in again once restored", async () => {
    const staff = await passwordGrant(tenantUrl, 'staff@steward.local');
    const viewer = await passwordGrant(tenantUrl, 'viewer@steward.local');
    const { sub } = (await (await me(staff.access_token)).json()) as { sub: string };
    const database = await createConnection({ uri: databaseUrl });
    try {
      await database.query('INSERT INTO revoked_subjects (sub, revoked_at) VALUES (?, NOW(3))', [sub]);
      const elapsed = await within(5_000, async () => (await me(staff.access_token)).status === 401);
      expect(elapsed).toBeLessThanOrEqual(5_000);
      const detail = await expectRefusal(await me(staff.access_token), { status: 401, error: 'invalid_token' }, [
        staff.access_token,
      ]);
      expect(detail).toContain('revoked');
      expect((await me(viewer.access_token)).status).toBe(200);

      await database.query('DELETE FROM revoked_subjects WHERE sub = ?', [sub]);
      await within(5_000, async () => (await me(staff.access_token)).status === 200);
    } finally {
      await database.query('DELETE FROM revoked_subjects WHERE sub = ?', [sub]);
      await database.end();
    }
  });
});
