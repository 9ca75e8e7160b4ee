import { dump, load } from 'js-yaml';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from './database';
import { freePort, startNodeProcess, type RunningProcess } from './processes';
import { serveSpa } from './static-site';
import { workspaceRoot } from './workspace';

export const DEV_PASSWORD = 'steward-dev-test';
export const API_AUDIENCE = 'https://api.steward.local/';

/** Users the test stack adds to the dev fixtures. */
export const TEST_USERS = {
  blocked: { email: 'blocked@steward.local', name: 'Bo Blocked', roles: ['staff'], blocked: true },
} as const;

export interface RunningApi {
  url: string;
  /** Where its Prometheus metrics are served (`GET /metrics`), on a port of their own. */
  metricsUrl: string;
  databaseUrl: string;
  /** The fresh MariaDB database this API owns, if any. */
  database: TestDatabase | undefined;
  process: RunningProcess;
  stop(): Promise<void>;
}

/**
 * Starts the built API (`dist/apps/api/main.js`) on a free port against `issuer`, with a fresh
 * MariaDB database (`database: 'mysql'`, dropped on stop) or a throwaway SQLite file.
 */
export async function startApi(options: {
  issuer: string;
  /** A fresh database of that kind, or an existing one by URL (kept on stop, e.g. to restart on it). */
  database?: 'mysql' | 'sqlite' | { url: string };
  corsOrigin?: string;
  env?: Record<string, string>;
}): Promise<RunningApi> {
  const work = mkdtempSync(join(tmpdir(), 'steward-api-'));
  const port = await freePort();
  let metricsPort = await freePort();
  while (metricsPort === port) metricsPort = await freePort();
  const database = options.database === 'mysql' ? await createTestDatabase('steward_e2e') : undefined;
  const databaseUrl =
    typeof options.database === 'object'
      ? options.database.url
      : (database?.url ?? `sqlite:${join(work, 'steward.sqlite')}`);
  const cleanUp = async () => {
    await database?.drop();
    rmSync(work, { recursive: true, force: true });
  };
  try {
    const running = await startNodeProcess({
      name: 'api',
      script: join(workspaceRoot(), 'dist/apps/api/main.js'),
      cwd: work,
      readyUrl: `http://localhost:${port}/api/health`,
      env: {
        NODE_ENV: 'test',
        PORT: String(port),
        AUTH0_ISSUER_BASE_URL: options.issuer,
        AUTH0_AUDIENCE: API_AUDIENCE,
        AUTH0_MGMT_DOMAIN: new URL(options.issuer).host,
        CORS_ORIGINS: options.corsOrigin ?? 'http://localhost:4200',
        DATABASE_URL: databaseUrl,
        METRICS_PORT: String(metricsPort),
        ...options.env,
      },
    });
    return {
      url: `http://localhost:${port}`,
      metricsUrl: `http://localhost:${options.env?.['METRICS_PORT'] ?? metricsPort}/metrics`,
      databaseUrl,
      database,
      process: running,
      stop: async () => {
        await running.stop();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

export interface Stack {
  tenantUrl: string;
  apiUrl: string;
  consoleUrl: string | undefined;
  databaseUrl: string | undefined;
  /** Folder holding the dev tenant's signing keys, so tests can sign tokens with the real key. */
  tenantDataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the built dev tenant and API (and optionally the built console) on free ports, the way
 * `npm start` runs them, with throwaway data. Build them first (`nx build …`).
 */
export async function startStack(
  options: {
    console?: boolean;
    database?: 'mysql' | 'sqlite';
    /**
     * Host name in the console's URL (default `localhost`, the tenant's site). `127.0.0.1` puts the
     * console on another site than the tenant, as a console and an `*.auth0.com` tenant are.
     */
    consoleHost?: 'localhost' | '127.0.0.1';
  } = {},
): Promise<Stack> {
  const root = workspaceRoot();
  const work = mkdtempSync(join(tmpdir(), 'steward-stack-'));
  const [tenantPort, consolePort] = await Promise.all([freePort(), freePort()]);
  const tenantUrl = `http://localhost:${tenantPort}`;
  const consoleUrl = options.console ? `http://${options.consoleHost ?? 'localhost'}:${consolePort}` : undefined;
  const stops: (() => Promise<void>)[] = [];
  let site: Server | undefined;

  const stop = async () => {
    await Promise.all(stops.map((stopOne) => stopOne()));
    await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
    rmSync(work, { recursive: true, force: true });
  };

  try {
    const fixtures = load(readFileSync(join(root, 'tools/auth0/dev/fixtures.yaml'), 'utf8')) as { users: unknown[] };
    fixtures.users.push(...Object.values(TEST_USERS));
    writeFileSync(join(work, 'fixtures.yaml'), dump(fixtures));

    const tenant = await startNodeProcess({
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
    });
    stops.push(() => tenant.stop());
    const api = await startApi({ issuer: `${tenantUrl}/`, database: options.database, corsOrigin: consoleUrl });
    stops.push(() => api.stop());
    if (consoleUrl) {
      site = await serveSpa(join(root, 'dist/apps/console/browser'), consolePort, {
        '/config.json': JSON.stringify({
          auth0Domain: tenantUrl,
          auth0ClientId: 'steward-console',
          auth0Audience: API_AUDIENCE,
          apiUrl: api.url,
        }),
      });
    }
    return {
      tenantUrl,
      apiUrl: api.url,
      consoleUrl,
      databaseUrl: api.database?.url,
      tenantDataDir: join(work, 'tenant'),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
