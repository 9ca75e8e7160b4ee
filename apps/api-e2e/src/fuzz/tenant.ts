import { signJwt, tenantSigningKey } from '@steward/testing-util';
import { stack } from '../support/stack';

/**
 * The dev tenant's Management API, called directly (not through Steward): to see a user's state
 * as the directory holds it, and to clean up users the fuzzer created whatever Steward's rules say.
 */
export class TenantDirectory {
  private readonly tenantUrl = stack().tenantUrl;

  /** Everything the directory says about a user and their roles, as one comparable string. */
  async stateOf(userId: string): Promise<string> {
    const id = encodeURIComponent(userId);
    const [user, roles] = await Promise.all([this.call('GET', `/users/${id}`), this.call('GET', `/users/${id}/roles`)]);
    return JSON.stringify({ user: await user.json(), roles: await roles.json() });
  }

  async delete(userId: string): Promise<void> {
    const response = await this.call('DELETE', `/users/${encodeURIComponent(userId)}`);
    if (response.status !== 204) throw new Error(`could not delete ${userId}: ${response.status}`);
  }

  /** Retries the tenant's own 429s (it allows 50 Management calls a second), so a snapshot never fails on load. */
  private async call(method: string, path: string): Promise<Response> {
    for (let attempt = 0; ; attempt += 1) {
      const response = await fetch(`${this.tenantUrl}/api/v2${path}`, {
        method,
        headers: { authorization: `Bearer ${machineToken(this.tenantUrl, stack().tenantDataDir)}` },
      });
      if (response.status !== 429 || attempt === 10) return response;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function machineToken(tenantUrl: string, tenantDataDir: string): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    {
      iss: `${tenantUrl}/`,
      sub: 'fuzz@clients',
      aud: `https://${new URL(tenantUrl).host}/api/v2/`,
      azp: 'fuzz',
      gty: 'client-credentials',
      scope: 'read:users delete:users read:roles read:role_members',
      iat: now,
      exp: now + 600,
    },
    tenantSigningKey(tenantDataDir),
  );
}
