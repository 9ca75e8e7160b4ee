import { dump, load } from 'js-yaml';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startNodeProcess, type RunningProcess } from './processes';
import { serveSpa } from './static-site';
import { workspaceRoot } from './workspace';

export const DEV_PASSWORD = 'steward-dev-test';
export const API_AUDIENCE = 'https://api.steward.local/';

/** Users the test stack adds to the dev fixtures. */
export const TEST_USERS = {
  blocked: {
    email: 'blocked@steward.local',
    name: 'Bo Blocked',
    roles: ['staff'],
    blocked: true,
  },
} as const;

export interface Stack {
  tenantUrl: string;
  apiUrl: string;
  consoleUrl: string | undefined;
  /** Folder holding the dev tenant's signing keys, so tests can sign tokens with the real key. */
  tenantDataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the built dev tenant and API (and optionally the built console) on free ports, the way
 * `npm start` runs them, with a throwaway data folder. Build them first (`nx build …`).
 */
export async function startStack(
  options: { console?: boolean } = {},
): Promise<Stack> {
  const root = workspaceRoot();
  const work = mkdtempSync(join(tmpdir(), 'steward-stack-'));
  const [tenantPort, apiPort, consolePort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
  ]);
  const tenantUrl = `http://localhost:${tenantPort}`;
  const apiUrl = `http://localhost:${apiPort}`;
  const consoleUrl = options.console
    ? `http://localhost:${consolePort}`
    : undefined;
  const processes: RunningProcess[] = [];
  let site: Server | undefined;

  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await new Promise<void>((resolve) =>
      site ? site.close(() => resolve()) : resolve(),
    );
    rmSync(work, { recursive: true, force: true });
  };

  try {
    const fixtures = load(
      readFileSync(join(root, 'tools/auth0/dev/fixtures.yaml'), 'utf8'),
    ) as { users: unknown[] };
    fixtures.users.push(...Object.values(TEST_USERS));
    writeFileSync(join(work, 'fixtures.yaml'), dump(fixtures));

    processes.push(
      await startNodeProcess({
        name: 'dev-tenant',
        script: join(root, 'dist/apps/dev-tenant/main.js'),
        cwd: root,
        readyUrl: `${tenantUrl}/.well-known/openid-configuration`,
        env: {
          NODE_ENV: 'test',
          DEV_TENANT_PORT: String(tenantPort),
          DEV_TENANT_PASSWORD: DEV_PASSWORD,
          DEV_TENANT_DATA_DIR: join(work, 'tenant'),
          DEV_TENANT_FIXTURES: join(work, 'fixtures.yaml'),
          DEV_TENANT_CONSOLE_ORIGINS: consoleUrl ?? 'http://localhost:4200',
        },
      }),
    );
    processes.push(
      await startNodeProcess({
        name: 'api',
        script: join(root, 'dist/apps/api/main.js'),
        cwd: work,
        readyUrl: `${apiUrl}/api/health`,
        env: {
          NODE_ENV: 'test',
          PORT: String(apiPort),
          AUTH0_ISSUER_BASE_URL: `${tenantUrl}/`,
          AUTH0_AUDIENCE: API_AUDIENCE,
          AUTH0_MGMT_DOMAIN: `localhost:${tenantPort}`,
          CORS_ORIGINS: consoleUrl ?? 'http://localhost:4200',
          DATABASE_URL: `sqlite:${join(work, 'steward.sqlite')}`,
        },
      }),
    );
    if (consoleUrl) {
      site = await serveSpa(
        join(root, 'dist/apps/console/browser'),
        consolePort,
        {
          '/config.json': JSON.stringify({
            auth0Domain: tenantUrl,
            auth0ClientId: 'steward-console',
            auth0Audience: API_AUDIENCE,
            apiUrl,
          }),
        },
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    tenantUrl,
    apiUrl,
    consoleUrl,
    tenantDataDir: join(work, 'tenant'),
    stop,
  };
}
