import { workspaceRoot } from '@steward/testing-util';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

function run(app: 'api' | 'dev-tenant', env: Record<string, string>) {
  const result = spawnSync(process.execPath, [join(workspaceRoot(), `dist/apps/${app}/main.js`)], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('Start-up checks', () => {
  it('should stop the API with a message naming each missing production setting', () => {
    const { status, output } = run('api', {
      NODE_ENV: 'production',
      AUTH0_MGMT_CLIENT_SECRET: 'top-secret-value',
    });
    expect(status).toBe(1);
    for (const name of [
      'AUTH0_ISSUER_BASE_URL',
      'AUTH0_AUDIENCE',
      'AUTH0_MGMT_DOMAIN',
      'DATABASE_URL',
      'CORS_ORIGINS',
    ]) {
      expect(output).toContain(`${name}: missing`);
    }
    expect(output).not.toContain('top-secret-value');
    expect(output).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it('should fail closed when NODE_ENV is unset: production rules, no development defaults', () => {
    const { status, output } = run('api', {});
    expect(status).toBe(1);
    for (const name of ['AUTH0_ISSUER_BASE_URL', 'AUTH0_MGMT_CLIENT_SECRET', 'DATABASE_URL', 'CORS_ORIGINS']) {
      expect(output).toContain(`${name}: missing`);
    }
  });

  it('should refuse development values in production, naming each', () => {
    const { status, output } = run('api', {
      NODE_ENV: 'production',
      AUTH0_ISSUER_BASE_URL: 'https://localhost:4600/',
      AUTH0_AUDIENCE: 'https://api.example.com/',
      AUTH0_MGMT_DOMAIN: 'localhost:4600',
      AUTH0_MGMT_CLIENT_ID: 'steward-management',
      AUTH0_MGMT_CLIENT_SECRET: 'dev-tenant-fixture-management-secret',
      DATABASE_URL: 'sqlite:.data/steward.sqlite',
      CORS_ORIGINS: 'http://console.example.com',
    });
    expect(status).toBe(1);
    for (const name of [
      'AUTH0_ISSUER_BASE_URL',
      'AUTH0_MGMT_DOMAIN',
      'AUTH0_MGMT_CLIENT_SECRET',
      'DATABASE_URL',
      'CORS_ORIGINS',
    ]) {
      expect(output).toMatch(new RegExp(`${name}: .*development only`));
    }
    expect(output).not.toContain('dev-tenant-fixture-management-secret:');
  });

  it('should stop the API when CORS_ORIGINS is a wildcard', () => {
    const { status, output } = run('api', { NODE_ENV: 'development', CORS_ORIGINS: '*', PORT: '1' });
    expect(status).toBe(1);
    expect(output).toContain('CORS_ORIGINS: "*" is not an exact origin');
  });

  it('should refuse to run the dev tenant in production', () => {
    const { status, output } = run('dev-tenant', { NODE_ENV: 'production' });
    expect(status).toBe(1);
    expect(output).toContain('refuses to run with NODE_ENV=production');
  });
});
