import { passwordGrant, workspaceRoot } from '@steward/testing-util';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { stack } from '../support/stack';

const { tenantUrl } = stack();

/** tools/auth0/seed-admin.mjs, the first-admin step of going live, run against the dev tenant. */
describe('seed-admin', () => {
  const run = (args: string[], env: Record<string, string>) =>
    new Promise<{ status: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [join(workspaceRoot(), 'tools/auth0/seed-admin.mjs'), ...args], {
        env: { PATH: process.env['PATH'] ?? '', ...env },
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (status) => resolve({ status, output }));
    });
  const tenantEnv = {
    AUTH0_DOMAIN: new URL(tenantUrl).host,
    AUTH0_CLIENT_ID: 'steward-management',
    AUTH0_CLIENT_SECRET: 'dev-tenant-fixture-management-secret',
  };

  /** The suite shares one tenant: take the extra admin away again, or "last admin" rules elsewhere would not hold. */
  async function deleteUser(userId: string): Promise<void> {
    const tokenResponse = await fetch(`${tenantUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: tenantEnv.AUTH0_CLIENT_ID,
        client_secret: tenantEnv.AUTH0_CLIENT_SECRET,
        audience: `https://${tenantEnv.AUTH0_DOMAIN}/api/v2/`,
      }),
    });
    const { access_token } = (await tokenResponse.json()) as { access_token: string };
    const deleted = await fetch(`${tenantUrl}/api/v2/users/${encodeURIComponent(userId)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(deleted.status).toBe(204);
  }

  it('should create an admin whose password link works and whose token carries every permission', async () => {
    const email = `first-admin-${randomBytes(3).toString('hex')}@steward.local`;
    const { status, output } = await run(['--email', email, '--name', 'First Admin'], tenantEnv);
    const userId = /\((auth0\|[^)]+)\)/.exec(output)?.[1];
    try {
      await checkAdmin(status, output, email);
    } finally {
      if (userId) await deleteUser(userId);
    }
  });

  async function checkAdmin(status: number | null, output: string, email: string): Promise<void> {
    expect(status).toBe(0);
    expect(output).toContain(`Created ${email}`);
    const ticket = /Set the password here: (\S+)/.exec(output)?.[1] ?? '';
    const set = await fetch(ticket, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ newPassword: 'first-admin-password-1' }),
    });
    expect(set.status).toBeLessThan(400);
    const { access_token } = await passwordGrant(tenantUrl, email, { password: 'first-admin-password-1' });
    const claims = JSON.parse(Buffer.from(access_token.split('.')[1], 'base64url').toString());
    expect(claims['https://steward.local/roles']).toEqual(['admin']);

    const again = await run(['--email', email], tenantEnv);
    expect(again.status).toBe(0);
    expect(again.output).toContain(`Found ${email}`);
  }

  it('should name what is missing', async () => {
    const { status, output } = await run([], {});
    expect(status).toBe(1);
    expect(output).toContain('missing AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET, --email');
  });
});
