import { DEV_PASSWORD, freePort, startNodeProcess, workspaceRoot, type RunningProcess } from '@steward/testing-util';
import { dump, load } from 'js-yaml';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PrivateTenant {
  url: string;
  dataDir: string;
  process: RunningProcess;
  stop(): Promise<void>;
}

/**
 * A dev tenant of the suite's own with exactly these users (instead of the seeded accounts), for
 * tests that need a tenant-wide state no other suite may see or disturb — e.g. only two admins.
 */
export async function startPrivateTenant(
  users: { email: string; name: string; roles: string[] }[],
): Promise<PrivateTenant> {
  const root = workspaceRoot();
  const work = mkdtempSync(join(tmpdir(), 'steward-private-tenant-'));
  const fixtures = load(readFileSync(join(root, 'tools/auth0/dev/fixtures.yaml'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(work, 'fixtures.yaml'), dump({ ...fixtures, users }));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  try {
    const running = await startNodeProcess({
      name: 'private dev-tenant',
      script: join(root, 'dist/apps/dev-tenant/main.js'),
      cwd: root,
      readyUrl: `${url}/.well-known/openid-configuration`,
      env: {
        NODE_ENV: 'test',
        DEV_TENANT_PORT: String(port),
        DEV_TENANT_PASSWORD: DEV_PASSWORD,
        DEV_TENANT_DATA_DIR: join(work, 'tenant'),
        DEV_TENANT_FIXTURES: join(work, 'fixtures.yaml'),
      },
    });
    return {
      url,
      dataDir: join(work, 'tenant'),
      process: running,
      stop: async () => {
        await running.stop();
        rmSync(work, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}
