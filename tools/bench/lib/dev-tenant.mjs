// Starts the production build of the dev tenant (dist/apps/dev-tenant/main.js) with throwaway data.
import { join } from 'node:path';
import { freePort, startServer } from './processes.mjs';

/** Every fixture account's password in the bench's tenants. */
export const TENANT_PASSWORD = 'steward-bench';

/**
 * @param {{ root: string, scratch: string, name: string, consoleOrigins?: string[] }} options
 * @returns {Promise<{ url: string, stop(): Promise<void> }>}
 */
export async function startDevTenant({ root, scratch, name, consoleOrigins = [] }) {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const tenant = await startServer({
    name,
    script: join(root, 'dist/apps/dev-tenant/main.js'),
    cwd: root,
    logFile: join(scratch, `${name}.log`),
    readyUrl: `${url}/.well-known/openid-configuration`,
    env: {
      NODE_ENV: 'test',
      DEV_TENANT_PORT: String(port),
      DEV_TENANT_PASSWORD: TENANT_PASSWORD,
      DEV_TENANT_DATA_DIR: join(scratch, name),
      ...(consoleOrigins.length > 0 ? { DEV_TENANT_CONSOLE_ORIGINS: consoleOrigins.join(',') } : {}),
    },
  });
  return { url, stop: tenant.stop };
}
